import type { DocumentTypeDecoration, ResultOf, VariablesOf } from "@graphql-typed-document-node/core";
import {
  BrandDocument,
  BrandsDocument,
  FactoriesDocument,
  FactoryDocument,
  MaterialsDocument,
  ModelDocument,
  ModelsDocument,
  NodeDocument,
  NodesDocument,
  ProcessStepDocument,
  ProcessStepsDocument,
  SearchDocument,
  SourceDocument,
  SourcesDocument,
} from "./generated/graphql.ts";
import type { RequestOptions } from "./options.ts";

/** A table whose keys are each the root field their document's result holds. */
type ByRootField<Table> = {
  readonly [Name in keyof Table]: DocumentTypeDecoration<{ readonly [Field in Name]: unknown }, never>;
};

// The constraint makes a method name that is not its operation's root field a type error.
const byRootField = <const Table extends ByRootField<Table>>(table: Table): Table => table;

/**
 * The client's methods: each is named after the root Query field its operation reads,
 * which is also the key of that field in the response. Adding a method is one
 * operation in src/operations/, `npm run codegen`, and one line here.
 */
export const operations = byRootField({
  brand: BrandDocument,
  brands: BrandsDocument,
  model: ModelDocument,
  models: ModelsDocument,
  factory: FactoryDocument,
  factories: FactoriesDocument,
  processStep: ProcessStepDocument,
  processSteps: ProcessStepsDocument,
  materials: MaterialsDocument,
  source: SourceDocument,
  sources: SourcesDocument,
  search: SearchDocument,
  node: NodeDocument,
  nodes: NodesDocument,
});

export type Operations = typeof operations;
export type OperationName = keyof Operations;

/** The natural result of a method: its root field's value, not the `data` envelope. */
export type PayloadOf<Name extends OperationName> = ResultOf<Operations[Name]>[Name & keyof ResultOf<Operations[Name]>];
export type VariablesFor<Name extends OperationName> = VariablesOf<Operations[Name]>;

/** Variables may be left out exactly when the operation has no required ones. */
export type OperationArgs<Variables> = {} extends Variables
  ? [variables?: Variables, options?: RequestOptions]
  : [variables: Variables, options?: RequestOptions];

export type OperationMethods = {
  readonly [Name in OperationName]: (...args: OperationArgs<VariablesFor<Name>>) => Promise<PayloadOf<Name>>;
};
