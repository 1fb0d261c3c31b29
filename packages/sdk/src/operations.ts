import type { DocumentTypeDecoration, ResultOf, VariablesOf } from "@graphql-typed-document-node/core";
import {
  BrandDocument,
  BrandsDocument,
  ChangesDocument,
  ClaimsDocument,
  CiteDocument,
  CreateBrandDocument,
  CreateFactoryDocument,
  CreateModelDocument,
  CreateProcessStepDocument,
  CreateSourceDocument,
  DeleteBrandDocument,
  DeleteFactoryDocument,
  DeleteModelDocument,
  DeleteProductionDocument,
  FactoriesDocument,
  FactoryDocument,
  ImportFacilityListDocument,
  MaterialsDocument,
  ModelDocument,
  ModelsDocument,
  NodeDocument,
  NodesDocument,
  ProcessStepDocument,
  ProcessStepsDocument,
  RecordClaimDocument,
  RecordProductionDocument,
  RetractClaimDocument,
  SearchDocument,
  SeriesDocument,
  SourceDocument,
  SourcesDocument,
  SupplierGroupDocument,
  SupplierGroupsDocument,
  UnciteDocument,
  UpdateBrandDocument,
  UpdateFactoryDocument,
  UpdateModelDocument,
  UpdateProcessStepDocument,
  UpdateProductionDocument,
  UpdateSourceDocument,
} from "./generated/trusted/graphql.ts";
import type { OperationArgs } from "./execute.ts";

/** A table whose keys are each the root field their document's result holds. */
type ByRootField<Table> = {
  readonly [Name in keyof Table]: DocumentTypeDecoration<{ readonly [Field in Name]: unknown }, never>;
};

// The constraint makes a method name that is not its operation's root field a type error.
const byRootField = <const Table extends ByRootField<Table>>(table: Table): Table => table;

/**
 * The client's methods: each is named after the root Query or Mutation field its
 * operation reads, which is also the key of that field in the response. Adding a method
 * is one operation in src/operations/, `npm run codegen`, and one line here.
 *
 * Mutations resolve to their result union: the payload or a MutationError
 * (ValidationError, NotFoundError, ConflictError, ForbiddenError); switch on `__typename`.
 */
// Pure: a call at the top level of the published dist/ would otherwise keep every
// document alive in an app that imports one (bundlers cannot know it has no effects).
export const operations = /* @__PURE__ */ byRootField({
  brand: BrandDocument,
  brands: BrandsDocument,
  model: ModelDocument,
  models: ModelsDocument,
  series: SeriesDocument,
  factory: FactoryDocument,
  factories: FactoriesDocument,
  processStep: ProcessStepDocument,
  processSteps: ProcessStepsDocument,
  materials: MaterialsDocument,
  source: SourceDocument,
  sources: SourcesDocument,
  claims: ClaimsDocument,
  supplierGroup: SupplierGroupDocument,
  supplierGroups: SupplierGroupsDocument,
  search: SearchDocument,
  node: NodeDocument,
  nodes: NodesDocument,
  // Admin only (a token with the `admin` scope).
  changes: ChangesDocument,
  // Curators' writes (a token with the `curate` scope).
  createBrand: CreateBrandDocument,
  updateBrand: UpdateBrandDocument,
  deleteBrand: DeleteBrandDocument,
  createModel: CreateModelDocument,
  updateModel: UpdateModelDocument,
  deleteModel: DeleteModelDocument,
  createFactory: CreateFactoryDocument,
  updateFactory: UpdateFactoryDocument,
  deleteFactory: DeleteFactoryDocument,
  createProcessStep: CreateProcessStepDocument,
  updateProcessStep: UpdateProcessStepDocument,
  recordProduction: RecordProductionDocument,
  updateProduction: UpdateProductionDocument,
  deleteProduction: DeleteProductionDocument,
  createSource: CreateSourceDocument,
  updateSource: UpdateSourceDocument,
  recordClaim: RecordClaimDocument,
  retractClaim: RetractClaimDocument,
  cite: CiteDocument,
  uncite: UnciteDocument,
  // Sent as a multipart upload: `input.file` is a Blob or File.
  importFacilityList: ImportFacilityListDocument,
});

export type Operations = typeof operations;
export type OperationName = keyof Operations;

/** The natural result of a method: its root field's value, not the `data` envelope. */
export type PayloadOf<Name extends OperationName> = ResultOf<Operations[Name]>[Name & keyof ResultOf<Operations[Name]>];
export type VariablesFor<Name extends OperationName> = VariablesOf<Operations[Name]>;

export type { OperationArgs };

export type OperationMethods = {
  readonly [Name in OperationName]: (...args: OperationArgs<VariablesFor<Name>>) => Promise<PayloadOf<Name>>;
};
