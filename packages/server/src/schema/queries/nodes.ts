import { decodeGlobalID, INVALID_TYPENAME } from "../../global-id.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { NodeInterface } from "../../read/planned-types.ts";
import { sql } from "../../read/sql.ts";
import { intArrayValue, textArrayValue } from "../../read/values.ts";

const INT4_MAX = 2_147_483_647;

/** A global ID's type and row id, or null when it cannot name a row. */
function target(globalID: string): { typename: string; id: number } | null {
  const { typename, id } = decodeGlobalID(globalID);
  const rowId = Number(id);
  return typename === INVALID_TYPENAME || rowId > INT4_MAX ? null : { typename, id: rowId };
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
        const targets = (args["ids"] as readonly string[]).map((id) => target(String(id)));
        return sql`(SELECT * FROM unnest(${textArrayValue(targets.map((t) => t?.typename ?? ""))}, ${intArrayValue(targets.map((t) => t?.id ?? 0))})
                      WITH ORDINALITY AS hit(typename, id, ord))`;
      },
    },
    {
      nullable: { list: false, items: true },
      description: "Nodes by their global IDs, in the same order; null for each ID that names nothing.",
      args: { ids: t.t.arg.idList({ required: true }) },
    },
  ),
}));
