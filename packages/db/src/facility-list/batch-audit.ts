import type { ListContext } from "./write.ts";

/** Which batch of which run is written: its audit record names them. */
export interface BatchPlace {
  readonly runId: number | null;
  readonly batch: number;
  /** Lines of the file the batch spans. */
  readonly lines: readonly [number, number];
}

/** What one batch (or a disclosure's close) changed, by factory id. */
export interface BatchChanges {
  readonly created?: readonly number[];
  readonly filledIn?: readonly { readonly id: number; readonly before: Record<string, unknown>; readonly version: number }[];
  readonly cited?: readonly number[];
  /** Brand relations started for factories already in the graph (new factories' are implied). */
  readonly related?: readonly { readonly brand: string; readonly relation: string; readonly factory: number }[];
  /** Brand relations a later disclosure ended (listedUntil set; nothing deleted). */
  readonly ended?: readonly { readonly brand: string; readonly source: string; readonly factory: number }[];
}

/**
 * Appends ONE audit record for a batch of an import (action IMPORT, entity the list's
 * Source) naming every factory it changed and how, or none when it changed nothing. An
 * import of 100,000 rows writes about fifty records, not one copy of each row (94 MB
 * per 100,000 rows before): the values are the factories' own, the rows are in the file.
 * Returns the number of records written (0 or 1).
 */
export async function recordBatchChanges(context: ListContext, place: BatchPlace, changes: BatchChanges): Promise<number> {
  const { client, source, brand } = context;
  const count = Object.values(changes).reduce((sum: number, keys: readonly unknown[] | undefined) => sum + (keys?.length ?? 0), 0);
  if (count === 0) return 0;
  // `changes(entity: <the list>)` shows every batch of every import of it.
  await client.query(`INSERT INTO "Change" ("tokenId", "entityType", "entityId", action, after) VALUES ($1, 'SOURCE', $2, 'IMPORT', $3::jsonb)`, [
    context.tokenId,
    source.id,
    JSON.stringify({
      list: source.slug,
      run: place.runId,
      batch: place.batch,
      lines: place.lines,
      ...(brand && { brand: brand.slug, relation: brand.relation }),
      ...(context.disclosure && { asOf: context.asOf }),
      created: changes.created ?? [],
      filledIn: changes.filledIn ?? [],
      cited: changes.cited ?? [],
      related: changes.related ?? [],
      ...(changes.ended && { ended: changes.ended }),
    }),
  ]);
  return 1;
}
