import type { FactoryRole } from "../generated/prisma/enums.ts";

/**
 * A factory's role in the chain from a list's factory-type cell: the manufacturing
 * map's `FINISHED GOODS`, `FINISHED GOODS - COMPONENTS`, `MATERIALS`, and Open Supply
 * Hub's facility and processing types ("Final Product Assembly", "Raw Material
 * Processing", ...). Words it does not know give no role (nothing is guessed).
 */
export function rolesOf(cell: string): FactoryRole[] {
  const roles = new Set<FactoryRole>();
  for (const part of cell.split(/[|;]/)) {
    const text = part.toLowerCase();
    if (/component/.test(text)) roles.add("COMPONENTS");
    else if (/material|textile|tannery|fabric/.test(text)) roles.add("MATERIALS");
    else if (/finished goods|final product|assembly/.test(text)) roles.add("FINISHED_GOODS");
  }
  return [...roles];
}
