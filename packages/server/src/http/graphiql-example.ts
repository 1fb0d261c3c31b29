/** The query GraphiQL opens with: is the 990 made in the USA, and says who? */
export const GRAPHIQL_DEFAULT_QUERY = `# Welcome to solegraph: where and how sneakers are made, every fact with its sources.
# Press the run button (or Ctrl-Enter) to ask whether the 990 line is made in the USA:
# the answer covers its versions, says what it rests on (reported by independent
# sources, or only claimed), and lists the claims for and against.

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
      sources { source { label kind url } quote supports }
      supportingClaims { statement quote source { label kind } }
      conflictingClaims { statement quote source { label kind } }
    }
  }
}
`;
