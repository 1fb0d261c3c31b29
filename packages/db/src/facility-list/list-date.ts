const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * The date a title row says the list holds as of ("Data Export - Filters applied:
 * (none) Data As Of JUNE 2025"), as YYYY-MM-DD; a month without a day is its first day.
 * Undefined when the row names no such date.
 */
export function listDateOf(title: string): string | undefined {
  const match = /\bas of\s*:?\s*([^|;]+)/i.exec(title);
  if (!match) return undefined;
  const text = match[1]!.trim().toLowerCase().replace(/,/g, " ").replace(/\s+/g, " ");
  let found: RegExpExecArray | null;
  if ((found = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(text))) return valid(+found[1]!, +found[2]!, +found[3]!);
  const month = (word: string) => MONTHS.findIndex((name) => name.startsWith(word) && word.length >= 3) + 1;
  if ((found = /^([a-z]+) (\d{1,2}) (\d{4})\b/.exec(text))) return valid(+found[3]!, month(found[1]!), +found[2]!);
  if ((found = /^(\d{1,2}) ([a-z]+) (\d{4})\b/.exec(text))) return valid(+found[3]!, month(found[2]!), +found[1]!);
  if ((found = /^([a-z]+) (\d{4})\b/.exec(text))) return valid(+found[2]!, month(found[1]!), 1);
  return undefined;
}

function valid(year: number, month: number, day: number): string | undefined {
  if (month < 1 || year < 1800 || year > 2100) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}
