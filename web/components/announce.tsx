// One polite live region for the whole app: views announce result counts here.
import { useEffect, useState } from 'preact/hooks';

let push: ((m: string) => void) | null = null;
let pending = '';

export function announce(message: string): void {
  if (push) push(message); else pending = message;
}

export function LiveRegion() {
  const [message, setMessage] = useState(pending);
  useEffect(() => {
    let timer = 0;
    push = (m) => {
      // Clear first so the same text is announced again.
      setMessage('');
      clearTimeout(timer);
      timer = window.setTimeout(() => setMessage(m), 120);
    };
    return () => { push = null; clearTimeout(timer); };
  }, []);
  return <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">{message}</div>;
}
