// One message area per page section: what just happened (or went wrong), focused so
// keyboard and screen-reader users land on it, and announced.
import { useEffect, useRef } from 'preact/hooks';

export interface Message { text: string; error?: boolean }

export function Feedback({ message, id }: { message: Message | null; id: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => { if (message) ref.current?.focus(); }, [message]);
  if (!message) return null;
  return (
    <p id={id} ref={ref} tabIndex={-1} class={message.error ? 'notice notice--error' : 'notice'}
      role={message.error ? 'alert' : 'status'} data-testid={id}>{message.text}</p>
  );
}
