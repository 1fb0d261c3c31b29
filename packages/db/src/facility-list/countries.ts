import { createRequire } from "node:module";
import countries from "i18n-iso-countries";

// The package's locale data is JSON; loading it through require keeps the JSON out of
// TypeScript's module resolution (no import attributes needed on Node 20).
countries.registerLocale(createRequire(import.meta.url)("i18n-iso-countries/langs/en.json") as countries.LocaleData);

/**
 * Names facility lists use that the package does not know (it has "Vietnam" but not
 * "Viet Nam", "Myanmar" but not "Burma"), in the lower-case form `countryCodeOf` compares.
 */
const ALIASES: Readonly<Record<string, string>> = {
  "viet nam": "VN",
  "socialist republic of viet nam": "VN",
  "burma": "MM",
  "laos": "LA",
  "lao pdr": "LA",
  "macau": "MO",
  "macao": "MO",
  "brasil": "BR",
  "ivory coast": "CI",
  "hongkong": "HK",
  "prc": "CN",
  "mainland china": "CN",
  "people's republic of china": "CN",
  "republic of korea": "KR",
  "uae": "AE",
  "great britain": "GB",
  "england": "GB",
  "turkiye": "TR",
  "u.s.a.": "US",
  "u.s.": "US",
  "korea (south)": "KR",
  "korea, south": "KR",
  "south korea": "KR",
  "macedonia": "MK",
  "taiwan, china": "TW",
  "chinese taipei": "TW",
  "hong kong sar": "HK",
  "hong kong, china": "HK",
  "czechia": "CZ",
};

/**
 * The ISO 3166-1 alpha-2 code a facility list's `country` cell means: an alpha-2 code
 * ("PK"), an alpha-3 code ("VNM"), or an English name ("United States", "Viet Nam"),
 * in any case, accents optional. Undefined when it names no country.
 */
export function countryCodeOf(cell: string): string | undefined {
  const value = cell.trim().replace(/\s+/g, " ");
  if (value === "") return undefined;
  if (/^[A-Za-z]{2}$/.test(value)) return countries.isValid(value.toUpperCase()) ? value.toUpperCase() : undefined;
  if (/^[A-Za-z]{3}$/.test(value)) {
    const code = countries.alpha3ToAlpha2(value.toUpperCase());
    if (code) return code;
  }
  return ALIASES[value.toLowerCase()] ?? countries.getSimpleAlpha2Code(value, "en") ?? undefined;
}
