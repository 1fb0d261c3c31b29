import { GraphQLError } from "graphql";
import { decodeGlobalID, INVALID_TYPENAME } from "../../global-id.ts";
import { MAX_PAGE_SIZE } from "../../read/page-size.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { NodeInterface } from "../../read/planned-types.ts";
import { sql } from "../../read/sql.ts";
import { intArrayValue, textArrayValue } from "../../read/values.ts";

/** `nodes(ids:)` answers at most this many IDs at once (as many as a page). */
const MAX_NODES = MAX_PAGE_SIZE;

/** A global ID's type and row id, or null when it cannot name a row. */
function target(globalID: string): { typename: string; id: number } | null {
  const { typename, id } = decodeGlobalID(globalID);
  return typename === INVALID_TYPENAME ? null : { typename, id: Number(id) };
}

plannedQueryFields((t) => ({
  node: t.field(
    NodeInterface,
    { kind: "mixed-row", target: ({ args }) => target(String(args["id"])) },
    { nullable: true, description: "Any node by its global ID; null when it names nothing.", args: { id: t.t.arg.id({ required: true }) } },
  ),
  nodes: t.field(
    [NodeInterface],
    {
      kind: "mixed-list",
      hits: ({ args }) => {
        const ids = args["ids"] as readonly string[];
        if (ids.length > MAX_NODES) {
          throw new GraphQLError(`\`ids\` takes at most ${MAX_NODES} IDs (got ${ids.length}).`, { extensions: { code: "BAD_USER_INPUT", argument: "ids" } });
        }
        const targets = ids.map((id) => target(String(id)));
        return {
          hits: sql`(SELECT * FROM unnest(${textArrayValue(targets.map((t) => t?.typename ?? ""))}, ${intArrayValue(targets.map((t) => t?.id ?? 0))})
                      WITH ORDINALITY AS hit(typename, id, ord))`,
          count: ids.length,
        };
      },
    },
    {
      nullable: { list: false, items: true },
      description: `Nodes by their global IDs, in the same order; null for each ID that names nothing. At most ${MAX_PAGE_SIZE} IDs.`,
      args: { ids: t.t.arg.idList({ required: true }) },
    },
  ),
}));
