import { useEffect, useRef, useState } from "preact/hooks";
import { sg } from "../client.ts";
import { navigate } from "../routing/navigation.ts";
import { hrefOf } from "../routing/routes.ts";
import { cleanQuery, hasAnswer, MAX_QUERY_LENGTH, searchOptions, type SearchOption } from "./search-options.ts";

/** Long enough to skip most keystrokes of a fast typist, short enough to feel instant. */
const DEBOUNCE_MS = 120;
const RESULTS = 10;

type Status = { readonly state: "idle" } | { readonly state: "searching" } | { readonly state: "done"; readonly query: string } | { readonly state: "failed" };

interface SearchBoxProps {
  /** Prefix of the element ids (two boxes may share a page). */
  readonly id: string;
  readonly autoFocus?: boolean;
}

/**
 * Search as you type over brands, models and factories (the server's typo-tolerant
 * `search`), as an ARIA combobox: arrows move through the list, Enter opens, Escape
 * closes; focus stays in the text field throughout.
 */
export function SearchBox({ id, autoFocus = false }: SearchBoxProps) {
  const [input, setInput] = useState("");
  const [options, setOptions] = useState<readonly SearchOption[]>([]);
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    const query = cleanQuery(input);
    if (query === "") {
      setOptions([]);
      setStatus({ state: "idle" });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setStatus({ state: "searching" });
      sg.search({ query, first: RESULTS }, { signal: controller.signal }).then(
        (hits) => {
          setOptions(searchOptions(query, hits));
          setActive(-1);
          setStatus({ state: "done", query });
        },
        () => controller.signal.aborted || setStatus({ state: "failed" }),
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [input]);

  const expanded = open && options.length > 0;
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const choose = (option: SearchOption | undefined) => {
    if (!option) return;
    setOpen(false);
    setInput("");
    navigate(hrefOf(option.route));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setOpen(true);
        setActive((index) => Math.min(index + 1, options.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setActive((index) => Math.max(index - 1, 0));
        break;
      case "Enter":
        event.preventDefault();
        choose(options[active >= 0 ? active : 0]);
        break;
      case "Escape":
        if (expanded) setOpen(false);
        else setInput("");
        break;
    }
  };

  return (
    <form role="search" class="search" onSubmit={(event) => event.preventDefault()}>
      <label for={`${id}-input`} class="search-label">
        Search brands, models and factories
      </label>
      <input
        ref={field}
        id={`${id}-input`}
        // A text field, not type=search: ARIA in HTML allows the combobox role on it.
        type="text"
        role="combobox"
        enterKeyHint="go"
        autocomplete="off"
        spellcheck={false}
        maxLength={MAX_QUERY_LENGTH}
        placeholder="e.g. 990, Hierro, Lawrence"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={input}
        onInput={(event) => {
          setInput(event.currentTarget.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label="Matches" class="search-options" hidden={!expanded}>
        {options.map((option, index) => (
          <li
            key={option.key}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            class={index === active ? "search-option active" : "search-option"}
            // Keeps focus in the field, so the click lands before the list closes on blur.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            {option.suggestion && <span class="suggestion-mark">Did you mean</span>}
            <span class={`kind kind-${option.kind.toLowerCase()}`}>{option.kind}</span>
            <span class="search-option-label">{option.label}</span>
            <span class="search-option-detail">{option.detail}</span>
          </li>
        ))}
      </ul>
      <p role="status" class="search-status">
        {statusText(status, options)}
      </p>
    </form>
  );
}

function statusText(status: Status, options: readonly SearchOption[]): string {
  const count = options.length;
  switch (status.state) {
    case "idle":
      return "";
    case "searching":
      return "Searching…";
    case "failed":
      return "Search failed: the server did not answer. Try again.";
    case "done":
      if (count === 0) return `Nothing matches “${status.query}”.`;
      // Say there is no such thing before offering neighbours: "574" is not the 576.
      if (!hasAnswer(options)) return `No “${status.query}” in the graph. Did you mean one of these ${count}? Use the arrow keys and Enter, or click.`;
      return `${count} ${count === 1 ? "match" : "matches"}: use the arrow keys and Enter, or click.`;
  }
}
