/** The query GraphiQL opens with: is the 990 made in the USA, and where? */
export const GRAPHIQL_DEFAULT_QUERY = `# Welcome to solegraph: where and how sneakers are made, every fact with its sources.
# Press the run button (or Ctrl-Enter) to ask whether the 990v6 is made in the USA.

query MadeInUsa990 {
  model(slug: "990v6") {
    name
    brand { name }
    madeInUsa {
      status
      labelClaims
      factories {
        name
        city
        region
        processSteps { position name }
      }
      sources { source { title publisher url } quote }
    }
  }
}
`;
