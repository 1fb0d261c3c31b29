/**
 * Reads a Server-Sent Events response as it arrives, until `enough(text)` holds, the
 * stream ends, or `timeoutMs` passes: start it before causing the events, await
 * `settled`, then read `received()` (and abort the request).
 */
export function readEventStream(response: Response, enough: (received: string) => boolean, timeoutMs: number) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = "";
  const reading = (async () => {
    while (!enough(received)) {
      const { value, done } = await reader.read();
      if (done) return;
      received += decoder.decode(value, { stream: true });
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  return {
    received: () => received,
    settled: Promise.race([reading, timeout]).finally(() => clearTimeout(timer)),
  };
}
