// What the server put in the page for the first draw (server/web/web.routes.ts withBootData):
// the map's configuration and the extent of all boundaries. Read once; without it (the raw
// index.html, a dev server) every value is simply asked of the API as before.
export interface BootData {
  config?: { tiles: { url: string; attribution: string }; boundary_attribution: string };
  extent?: [number, number, number, number] | null;
}

let boot: BootData | undefined;

export function bootData(): BootData {
  if (boot) return boot;
  try {
    const text = document.getElementById('boot')?.textContent;
    boot = text ? (JSON.parse(text) as BootData) : {};
  } catch {
    boot = {};
  }
  return boot;
}
