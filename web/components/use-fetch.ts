import { useEffect, useState } from 'preact/hooks';

interface Async<T> { data: T | undefined; error: unknown; loading: boolean; retry: () => void }

// "Opnieuw proberen" asks every fetch that failed on this page to run again: no reload, so
// nothing typed or opened is lost, and the one button serves whatever part of the page failed.
const failed = new Set<() => void>();
export function retryFailed(): void {
  for (const again of [...failed]) again();
}

/** Runs `load` when `deps` change (or on retry), aborting the previous run. */
export function useFetch<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Async<T> {
  const [attempt, setAttempt] = useState(0);
  const retry = () => setAttempt((n) => n + 1);
  const [state, setState] = useState<Omit<Async<T>, 'retry'>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    load(ctrl.signal).then(
      (data) => { if (!ctrl.signal.aborted) setState({ data, error: undefined, loading: false }); },
      (error: unknown) => { if (!ctrl.signal.aborted) setState({ data: undefined, error, loading: false }); },
    );
    return () => ctrl.abort();
  }, [...deps, attempt]);
  useEffect(() => {
    if (!state.error) return undefined;
    failed.add(retry);
    return () => { failed.delete(retry); };
  }, [state.error]);
  return { ...state, retry };
}
