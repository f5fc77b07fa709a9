// A face: the photo when there is one (alt="" — the name stands beside it), otherwise
// the initials on a dark colour picked from the name, white text at ≥ 7:1.
const SHADES = ['#154273', '#275937', '#8b1538', '#6b3f8f', '#7a4a00', '#1f5f6b', '#4d4d4d'];

function shade(name: string): string {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return SHADES[h % SHADES.length]!;
}

export function Avatar({ name, initials, photo, size = 'md' }: { name: string; initials: string; photo: string | null; size?: 'sm' | 'md' | 'lg' }) {
  if (photo) return <img class={`avatar avatar--${size}`} src={photo} alt="" loading="lazy" decoding="async" />;
  return (
    <span class={`avatar avatar--${size} avatar--initials`} style={{ background: shade(name) }} aria-hidden="true">
      {initials}
    </span>
  );
}
