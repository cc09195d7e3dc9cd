// One catalog per locale, each composed of sections (catalogs/<locale>/<section>.ts). English
// defines every key and its variables; a translation that misses a key, adds one or changes a
// key's variables fails the type check.

import type { Catalog } from "./catalog-types.ts";
import { de } from "./catalogs/de/index.ts";
import { en } from "./catalogs/en/index.ts";
import { esES } from "./catalogs/es-ES/index.ts";
import { fr } from "./catalogs/fr/index.ts";
import { ja } from "./catalogs/ja/index.ts";
import { ptBR } from "./catalogs/pt-BR/index.ts";
import type { Locale } from "./locales.ts";

export const CATALOGS: Readonly<Record<Locale, Catalog>> = {
  "en-US": en,
  de,
  fr,
  "es-ES": esES,
  "pt-BR": ptBR,
  ja,
};
