/**
 * Page sizes. Pothos silently clamps `first`/`last` to the connection's maximum; an API
 * should instead tell the client its request is out of bounds. This is the one place
 * the cap lives (README: "Limits").
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
