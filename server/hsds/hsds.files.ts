// Reading HSDS JSON from files and folders (a folder: its *.json files, in name order).
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export async function readHsdsFiles(targets: string[], onRead?: (name: string) => void): Promise<{ name: string; data: unknown }[]> {
  const files: { name: string; data: unknown }[] = [];
  for (const target of targets) {
    const names = (await stat(target)).isDirectory()
      ? (await readdir(target)).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(target, f))
      : [target];
    for (const name of names) {
      try {
        files.push({ name, data: JSON.parse(await readFile(name, 'utf8')) });
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
      onRead?.(name);
    }
  }
  return files;
}
