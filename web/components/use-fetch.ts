import { useEffect, useState } from 'preact/hooks';

export interface Async<T> { data: T | undefined; error: unknown; loading: boolean }

/** Runs `load` when `deps` change, aborting the previous run. */
export function useFetch<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<Async<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    load(ctrl.signal).then(
      (data) => { if (!ctrl.signal.aborted) setState({ data, error: undefined, loading: false }); },
      (error: unknown) => { if (!ctrl.signal.aborted) setState({ data: undefined, error, loading: false }); },
    );
    return () => ctrl.abort();
  }, deps);
  return state;
}
