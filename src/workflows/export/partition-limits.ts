// How many messages one file of a partitioned export holds: read by the option's validation and
// by its description in every language (the catalog), so both say the same numbers.
export const MIN_PARTITION = 100;
export const MAX_PARTITION = 1_000_000;
