import { useTitle } from "../layout/use-title.ts";
import { Link } from "../routing/link.tsx";

export function NotFoundPage({ path }: { readonly path: string }) {
  useTitle("Not found");
  return (
    <>
      <h1 tabIndex={-1}>Not found</h1>
      <p>
        Nothing lives at <code>{path}</code>. <Link to={{ page: "home" }}>Start from the search</Link>.
      </p>
    </>
  );
}
