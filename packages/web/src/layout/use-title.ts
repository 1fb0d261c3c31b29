import { useEffect } from "preact/hooks";

/** The tab's title names the page: history entries, bookmarks and screen readers read it. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · solegraph` : "solegraph: where is my sneaker made?";
  }, [title]);
}
