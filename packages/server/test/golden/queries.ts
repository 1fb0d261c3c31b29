/**
 * The golden reads (see ../golden.test.ts). Timestamps are left out: they differ per
 * run. Each query names what it pins down.
 */
export const GOLDEN_QUERIES: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  "brands-shallow": {
    query: `{ brands(first: 20) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id slug name country { code name } } } } }`,
  },
  "brands-search-and-default-page": {
    query: `{ brands(search: "ALANCE") { totalCount edges { node { slug description headquartersCity headquartersRegion foundedYear website version } } } all: brands { totalCount edges { node { slug } } } }`,
  },
  "brand-everything": {
    query: `{ brand(slug: "new-balance") {
      id slug name description headquartersCity headquartersRegion foundedYear website version
      country { code name }
      sources { quote locator statement retrievedOn supports source { id slug title label kind independent publisher url publishedOn version } }
      claims { id topic stance sharePercent statement quote locator retrievedOn country { code } source { slug } subject { __typename ... on Brand { slug } } }
      shareClaims: claims(topic: PRODUCTION_SHARE) { statement source { slug } }
      models(first: 4) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug name series category releaseYear } } }
      factories(last: 3) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug status } } }
      productionByCountry {
        countries { countryCode countryName recorded productionCount factoryCount knownVolume volumeShare claims { statement locator source { slug kind } } }
        claims { topic sharePercent statement quote locator retrievedOn country { code } source { slug label } }
      }
    } }`,
  },
  "brand-unknown": { query: `{ brand(slug: "no-such-brand") { slug } }` },
  "nested-brands-models-productions": {
    query: `{ brands(first: 20) { edges { node { name
      models(first: 10) { edges { node { name
        productions(first: 5) { totalCount edges { node { labelClaim factory { name city country { code } } route { position technique step { name slug } } } } }
      } } } } } } }`,
  },
  "nested-with-verdicts": {
    query: `{ brands(first: 20) { edges { node { slug
      models(first: 10) { edges { node { slug madeIn { country { code } status basis } madeInUsa { status basis countryCode labelClaims volumeShare factories { slug } sources { quote locator statement source { slug } } supportingClaims { id } conflictingClaims { id } } } } }
    } } } }`,
  },
  "models-filters": {
    query: `{
      gb: models(filter: { madeIn: "gb" }) { totalCount edges { node { slug } } }
      usa: models(filter: { labelClaim: "made in usa" }) { totalCount edges { node { slug } } }
      series: models(filter: { series: "990" }) { totalCount edges { node { slug series } } }
      hiking: models(filter: { category: HIKING, brand: "new-balance" }) { edges { node { slug category } } }
      court: models(filter: { category: COURT }) { edges { node { slug category } } }
      nike: models(filter: { brand: "nike" }) { totalCount edges { node { slug } } }
      search: models(filter: { search: "990V" }) { edges { node { slug } } }
      synthetic: models(filter: { search: "synthetic model 1-" }) { totalCount edges { node { slug } } }
    }`,
  },
  "models-ordered": {
    query: `{
      slugDesc: models(first: 5, orderBy: { field: SLUG, direction: DESC }) { pageInfo { hasNextPage endCursor } edges { cursor node { slug } } }
      nameAsc: models(first: 5, orderBy: { field: NAME }) { edges { node { name } } }
      release: models(first: 5, orderBy: { field: RELEASE_YEAR, direction: DESC }) { edges { node { slug releaseYear } } }
    }`,
  },
  "models-page-2-after-cursor": {
    query: `query($after: String) { models(first: 4, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug } } } }`,
    variables: { after: "R1BDOk46Mw==" },
  },
  "models-last-before": {
    query: `query($before: String) { models(last: 3, before: $before) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug } } } }`,
    variables: { before: "R1BDOk46OQ==" },
  },
  "models-last-without-cursor": {
    query: `{ models(last: 2) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug } } } }`,
  },
  "model-everything": {
    query: `{ model(slug: "990v5") {
      id slug name series category releaseYear description version
      brand { slug name }
      sources { quote locator statement retrievedOn supports source { slug title label } }
      claims { topic statement }
      materials { component note material { slug name kind } originCountry { code } }
      madeIn { country { code name } status basis }
      madeInUsa { country { code } countryCode status basis labelClaims volumeShare factories { slug name country { code } } productions { slug evidence }
        sources { quote locator statement retrievedOn supports source { slug url } } supportingClaims { statement } conflictingClaims { statement } }
      productions(first: 10) { totalCount edges { node { id slug labelClaim annualVolume startYear endYear notes version evidence country { code } factory { slug }
        model { slug } sources { quote locator statement retrievedOn supports source { slug } } claims { id } route { id position technique step { id slug name position description version } production { slug } } } } }
    } }`,
  },
  "model-verdicts-across-the-seed": {
    query: `{
      line: model(slug: "990") { madeInUsa { status basis factories { slug } labelClaims supportingClaims { quote source { slug } } } madeIn { country { code } status basis } }
      uk: model(slug: "991") { madeInUsa { status basis factories { slug } labelClaims sources { source { slug } } } madeIn { country { code } status basis } }
      hierro: model(slug: "fresh-foam-hierro-v5") { madeInUsa { status basis factories { slug } labelClaims sources { quote locator statement source { slug } } supportingClaims { statement quote source { slug kind } } } madeIn { country { code } status basis } }
      m993: model(slug: "993") { madeInUsa { status basis supportingClaims { statement } } }
      series990: series(name: "990") { name models { slug } madeInUsa { status basis factories { slug } sources { source { slug } } supportingClaims { statement } } madeIn { country { code } status } }
      seriesSynthetic: series(name: "s1") { name models { slug } madeIn { country { code } status basis } }
      noSeries: series(name: "nope") { name }
    }`,
  },
  "factories-filters": {
    query: `{
      us: factories(filter: { country: "US", status: OPERATING }) { totalCount edges { node { slug city region status ownership } } }
      maine: factories(filter: { region: "maine" }) { edges { node { slug } } }
      stitching: factories(filter: { performsStep: "stitching", brand: "new-balance" }) { edges { node { slug } } }
      contract: factories(filter: { ownership: CONTRACT }) { totalCount edges { node { slug } } }
      planned: factories(filter: { status: PLANNED }) { edges { node { slug openedYear plannedOpeningYear } } }
      synthetic: factories(filter: { brand: "synthetic-brand-1" }) { totalCount edges { node { slug country { code } } } }
    }`,
  },
  "factories-ordered": {
    query: `{
      opened: factories(orderBy: { field: OPENED_YEAR, direction: DESC }) { edges { node { slug openedYear } } }
      openedAsc: factories(first: 6, orderBy: { field: OPENED_YEAR }) { edges { cursor node { slug openedYear } } }
      workforce: factories(first: 5, orderBy: { field: WORKFORCE, direction: DESC }) { edges { node { slug workforce workforceYear } } }
      country: factories(first: 5, orderBy: { field: COUNTRY, direction: DESC }) { edges { node { slug country { code } } } }
      slug: factories(first: 3, orderBy: { field: SLUG }) { edges { node { slug } } }
    }`,
  },
  "factories-ordered-page-2": {
    query: `query($after: String) { factories(first: 4, after: $after, orderBy: { field: WORKFORCE, direction: DESC }) { pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { slug workforce } } } }`,
    variables: { after: "R1BDOk46Mw==" },
  },
  "factory-everything": {
    query: `{ factory(slug: "nb-methuen") {
      id slug name operatorName ownership status streetAddress city region openedYear plannedOpeningYear closedYear workforce workforceYear floorAreaSqFt weeklyCapacityPairs weeklyCapacityYear notes version
      operatorBrand { slug }
      country { code name }
      processSteps { slug position }
      sources { quote locator statement retrievedOn supports source { slug title label kind publisher url publishedOn } }
      claims { topic stance statement quote locator retrievedOn country { code } source { slug } subject { __typename ... on Factory { slug } } }
      productions(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug model { slug } } } }
    } flimby: factory(slug: "nb-flimby") { processSteps { slug } productions { totalCount edges { node { slug labelClaim } } } } }`,
  },
  "vocabulary": {
    query: `{
      processSteps { totalCount edges { cursor node { id slug name position description version } } }
      stitching: processStep(slug: "stitching") { slug position }
      none: processStep(slug: "gluing") { slug }
      materials(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { id slug name kind description version } } }
      sources { totalCount edges { node { id slug title label kind independent publisher url publishedOn version } } }
      source(slug: "seed-article") { slug title kind claims(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { statement } } } }
      claims(first: 4, filter: { topic: MADE_IN, country: "US" }) { totalCount edges { cursor node { id statement stance subject { __typename ... on SneakerModel { slug } } } } }
    }`,
  },
  "search": {
    query: `{
      hiero: search(query: "hiero") { match result { __typename ... on SneakerModel { slug } ... on Brand { slug } ... on Factory { slug } } }
      balance: search(query: "balanse", first: 3) { match result { __typename ... on Brand { slug name } ... on SneakerModel { slug } ... on Factory { slug } } }
      lawrence: search(query: "lawrence") { match result { __typename ... on Factory { slug city } } }
      line: search(query: "990", first: 5) { match result { __typename ... on SneakerModel { slug series } } }
      missing: search(query: "574") { match result { __typename ... on SneakerModel { slug } } }
      partial: search(query: "fresh foam") { match result { __typename ... on SneakerModel { slug } } }
      none: search(query: "zzzzqqqq") { __typename }
      zero: search(query: "nike", first: 0) { __typename }
    }`,
  },
  "node-and-nodes": {
    query: `{
      brand: node(id: "QnJhbmQ6MQ") { __typename id ... on Brand { slug } }
      model: node(id: "U25lYWtlck1vZGVsOjE") { __typename ... on SneakerModel { slug brand { slug } } }
      factory: node(id: "RmFjdG9yeTox") { __typename ... on Factory { slug } }
      step: node(id: "UHJvY2Vzc1N0ZXA6MQ") { __typename ... on ProcessStep { slug } }
      production: node(id: "UHJvZHVjdGlvbjox") { __typename ... on Production { slug } }
      routeStep: node(id: "UHJvZHVjdGlvblN0ZXA6MQ") { __typename ... on ProductionStep { position step { slug } } }
      material: node(id: "TWF0ZXJpYWw6MQ") { __typename ... on Material { slug } }
      source: node(id: "U291cmNlOjE") { __typename ... on Source { slug } }
      claim: node(id: "Q2xhaW06MQ") { __typename ... on Claim { statement source { slug } } }
      unknown: node(id: "QnJhbmQ6OTk5OTk") { id }
      malformed: node(id: "not-an-id") { id }
      notANodeType: node(id: "Q291bnRyeTox") { id }
      nodes(ids: ["QnJhbmQ6Mg", "not-an-id", "RmFjdG9yeToy", "QnJhbmQ6OTk5OTk", "U25lYWtlck1vZGVsOjI"]) { __typename id ... on Brand { slug } ... on Factory { slug } ... on SneakerModel { slug } }
    }`,
  },
  "fragments-aliases-directives": {
    query: `query($withModels: Boolean!, $skipCountry: Boolean!) {
      b: brand(slug: "new-balance") {
        ...BrandCard
        n2: name
        country @skip(if: $skipCountry) { code }
        models(first: 2) @include(if: $withModels) { edges { node { ...ModelCard } } }
        ... on Brand { slug nameAgain: name }
      }
    }
    fragment BrandCard on Brand { __typename slug name country { name } }
    fragment ModelCard on SneakerModel { slug brand { ...BrandCard } }`,
    variables: { withModels: true, skipCountry: false },
  },
  "typename-everywhere": {
    query: `{ __typename brands(first: 1) { __typename pageInfo { __typename } edges { __typename node { __typename productionByCountry { __typename countries { __typename } claims { __typename } } models(first: 1) { __typename edges { node { madeInUsa { __typename supportingClaims { __typename } } sources { __typename source { __typename } } claims { __typename subject { __typename } } } } } } } } }`,
  },
  "error-page-size": { query: `{ brands(first: 101) { totalCount } }` },
  "error-negative-page-size": { query: `{ models(last: -1) { totalCount } }` },
  "error-first-and-last": { query: `{ models(first: 2, last: 2) { totalCount } }` },
  "error-nested-page-size": { query: `{ brands(first: 2) { edges { node { models(first: 500) { totalCount } } } } }` },
  "error-search-limits": { query: `{ search(query: "   ") { __typename } }` },
  "error-unknown-field": { query: `{ brands { edges { node { nope } } } }` },
};
