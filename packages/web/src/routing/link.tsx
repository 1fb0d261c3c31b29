import type { ComponentChildren } from "preact";
import { navigate } from "./navigation.ts";
import { hrefOf, type Route } from "./routes.ts";

interface LinkProps {
  readonly to: Route;
  readonly children: ComponentChildren;
  readonly class?: string;
}

/**
 * A real link (it opens in a new tab, can be copied, works without us) that navigates
 * in place on a plain click.
 */
export function Link({ to, children, class: className }: LinkProps) {
  const href = hrefOf(to);
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} class={className}>
      {children}
    </a>
  );
}
