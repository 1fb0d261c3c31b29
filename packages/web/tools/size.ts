/**
 * `npm run size -w @solegraph/web`: the built page's sizes, first load and on demand
 * (build first: `npm run build:web`).
 */
import { fileURLToPath } from "node:url";
import { bundleSize, formatBundleSize } from "./bundle-size.ts";

console.log(formatBundleSize(bundleSize(fileURLToPath(new URL("../dist/", import.meta.url)))));
