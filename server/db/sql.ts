// Small SQL helpers shared by the features' query files.

/** Escapes % and _ so user text is matched literally inside ILIKE. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
