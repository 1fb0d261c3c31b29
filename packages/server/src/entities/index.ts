// Every entity: its GraphQL type with its root fields (type.ts), and its curation:
// descriptor, inputs, validation and mutations (curation.ts). Adding an entity is a
// folder here and a line below (docs/DESIGN.md, "How to add an entity").
import "./country/type.ts";
import "./source/type.ts";
import "./source/curation.ts";
import "./brand/type.ts";
import "./brand/curation.ts";
import "./process-step/type.ts";
import "./process-step/curation.ts";
import "./material/type.ts";
import "./factory/type.ts";
import "./factory/curation.ts";
import "./sneaker-model/type.ts";
import "./sneaker-model/curation.ts";
import "./production/type.ts";
import "./production/curation.ts";
import "./claim/type.ts";
import "./claim/curation.ts";
import "./series/type.ts";
import "./change/type.ts";
import "./change/subscription.ts";
import "./brand-factory/type.ts";
import "./supplier-group/type.ts";
import "./disclosure/type.ts";
import "./facility-list/curation.ts";
