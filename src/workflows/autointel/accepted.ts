// What /autointel's depth option accepts: read by the parser and by the sentences (catalog
// messages, in every language) that tell a user what is accepted. No imports: the catalog reads
// it, and an import here would tie the catalogs back to the kind's code in a circle.

export const DEPTHS = ["quick", "standard", "deep"] as const;
export type Depth = (typeof DEPTHS)[number];
