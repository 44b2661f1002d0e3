import type { ItemSource } from '../../../../shared/evaluation/scheme.js';
import { amountPlaces } from '../../../../shared/targets/figures.js';
import type { IndicatorView } from '../../../../shared/targets/decomposition.js';
import { parseScaled, scaledText } from './decimal-text.js';

/**
 * What an item's fixed target (and a difference method's unit) is typed in. The scheme file keeps figures in the
 * stored unit (fen, whole units, basis points); people think in 万元 and %, so the editor converts exactly.
 */
export type ItemUnit =
  | { kind: 'amount'; unit: string; places: number }
  | { kind: 'count'; unit: string }
  | { kind: 'bp' }
  | { kind: 'none' };

export function itemUnit(kind: ItemSource['kind'], indicatorCode: string, indicators: readonly IndicatorView[]): ItemUnit {
  if (kind === 'metric') return { kind: 'bp' };
  if (kind !== 'indicator') return { kind: 'none' };
  const indicator = indicators.find((i) => i.code === indicatorCode);
  // An indicator this workspace does not know (a scheme file from elsewhere): keep the stored figure as typed.
  if (indicator === undefined) return { kind: 'count', unit: '' };
  return indicator.measure === 'amount' ? { kind: 'amount', unit: indicator.unit, places: amountPlaces(indicator.unit) } : { kind: 'count', unit: indicator.unit };
}

const placesOf = (unit: ItemUnit): number => (unit.kind === 'amount' ? unit.places : unit.kind === 'bp' ? 2 : 0);

/** Typed text → the stored figure as the scheme keeps it ("90" % → "9000"; "20" 万元 → "20000000"); null if unreadable. */
export function storedFigure(text: string, unit: ItemUnit): string | null {
  const value = parseScaled(text.replaceAll(',', ''), placesOf(unit));
  return value === null ? null : value.toString();
}

/** A stored figure back as the editor shows it ("9000" → "90" for %). */
export function figureInput(figure: string, unit: ItemUnit): string {
  return scaledText(figure, placesOf(unit));
}

/** The unit shown beside a figure field. */
export function unitSuffix(unit: ItemUnit): string {
  if (unit.kind === 'amount' || unit.kind === 'count') return unit.unit;
  return unit.kind === 'bp' ? '%' : '';
}
