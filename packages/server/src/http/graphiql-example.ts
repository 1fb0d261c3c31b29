/** The query GraphiQL opens with: is the 990 made in the USA, and says who? */
export const GRAPHIQL_DEFAULT_QUERY = `# Welcome to solegraph: where and how sneakers are made, every fact with its sources.
# Press the run button (or Ctrl-Enter) to ask whether the 990 line is made in the USA:
# the answer covers its versions and says only what its sources show (YES or PARTLY
# when independent sources report it, CLAIMED when only claims say so, NO only where a
# passage says so, UNKNOWN where nothing is recorded). Every source points at its
# passage (locator: open it in a browser) and says what it states; the claims for and
# against are listed beside it. Try "fresh-foam-hierro-v5" with model(slug:) too.

query IsThe990MadeInTheUSA {
  series(name: "990") {
    name
    models { name }
    madeInUsa {
      status
      basis
      labelClaims
      factories {
        name
        city
        region
        processSteps { position name }
      }
      sources { source { label kind } statement locator retrievedOn supports }
      supportingClaims { statement locator quote source { label kind } }
      conflictingClaims { statement locator source { label kind } }
    }
  }
}
`;
