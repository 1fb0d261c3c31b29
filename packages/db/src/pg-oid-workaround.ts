import pg from "pg";

/**
 * Works around prisma/orm#27403: the 6.19 pg adapter cannot decode Postgres' internal
 * `"char"` (oid 18) and `name` (oid 19) column types, which the schema engine reads
 * while introspecting, so `prisma migrate` against a PostgreSQL server fails with
 * "Column type 'name' could not be deserialized". Reporting both as `text` (oid 25)
 * is lossless for what the schema engine reads. Only the CLI's migration adapter
 * installs this; the application's queries never select such columns.
 */
const TEXT_OID = 25;
const INTERNAL_TEXTLIKE_OIDS = new Set([18, 19]);

interface RowDescriptionField {
  dataTypeID: number;
}
interface RowDescriptionMessage {
  fields: RowDescriptionField[];
}
interface QueryPrototype {
  handleRowDescription(message: RowDescriptionMessage): void;
  __solegraphOidPatch?: true;
}

export function reportInternalNameTypesAsText(): void {
  // `pg.Query` is exported at run time but not in @types/pg's class shape we need.
  const proto = (pg as unknown as { Query: { prototype: QueryPrototype } }).Query.prototype;
  if (proto.__solegraphOidPatch) return;
  const original = proto.handleRowDescription;
  proto.handleRowDescription = function (this: QueryPrototype, message: RowDescriptionMessage) {
    for (const field of message.fields) {
      if (INTERNAL_TEXTLIKE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
    original.call(this, message);
  };
  proto.__solegraphOidPatch = true;
}
