// The single word lists of @zxcvbn-ts's language packages, imported one by one so the
// browser's strength meter (strength.ts) carries only the lists it uses.
declare module '@zxcvbn-ts/language-common/dist/passwords.json.mjs' { const words: string[]; export default words }
declare module '@zxcvbn-ts/language-common/dist/adjacencyGraphs.json.mjs' {
  const graphs: import('@zxcvbn-ts/core').OptionsGraph;
  export default graphs;
}
declare module '@zxcvbn-ts/language-nl-be/dist/commonWords.json.esm.js' { const words: string[]; export default words }
declare module '@zxcvbn-ts/language-nl-be/dist/boysFirstnames.json.esm.js' { const words: string[]; export default words }
declare module '@zxcvbn-ts/language-nl-be/dist/girlsFirstnames.json.esm.js' { const words: string[]; export default words }
