import { useEffect, useState } from "preact/hooks";

export type Load<T> =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly error: unknown }
  | { readonly state: "done"; readonly value: T };

/**
 * Runs `load` whenever `key` changes and returns where it stands. The previous request
 * is aborted, so a slow answer for an old page never replaces the new one.
 */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Load<T> {
  const [result, setResult] = useState<{ key: string; load: Load<T> }>({ key, load: { state: "loading" } });
  useEffect(() => {
    const controller = new AbortController();
    setResult({ key, load: { state: "loading" } });
    load(controller.signal).then(
      (value) => controller.signal.aborted || setResult({ key, load: { state: "done", value } }),
      (error: unknown) => controller.signal.aborted || setResult({ key, load: { state: "failed", error } }),
    );
    return () => controller.abort();
    // `load` is a new closure each render; `key` names what it loads.
  }, [key]);
  // Until the effect runs for a new key, what we hold is the old key's.
  return result.key === key ? result.load : { state: "loading" };
}
