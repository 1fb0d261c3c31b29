// Every ordering ends with the primary key, so pages are stable when names tie.
// Functions, because Prisma's input types want fresh, mutable arrays.
export const byName = () => [{ name: "asc" as const }, { id: "asc" as const }];
export const byPosition = () => [{ position: "asc" as const }, { id: "asc" as const }];
