import { CsvError } from '../csv';
import { districtsTable, postcodeDistrictsTable, postcodeRangesTable, type DistrictRow, type PostcodeDistrict, type PostcodeRange } from '../schema/postcodes';
import type { Area } from '../schema/tables';

/**
 * The postcode lookups across files (pure): every council they lead to is a council of today in
 * areas.csv, every council of today is reached by some postcode, and the ranges are in ascending
 * postcode order (a lookup by binary search depends on it). Row numbers as in the files.
 */
export function checkPostcodeLookups(ranges: readonly PostcodeRange[], districts: readonly PostcodeDistrict[], names: readonly DistrictRow[], areas: readonly Area[]): void {
  const today = new Map(areas.filter((a) => a.level === 'la' && a.lastYear === undefined).map((a) => [a.code, a]));
  const check = (file: string, row: number, code: string | undefined) => {
    if (code !== undefined && !today.has(code)) throw new CsvError(file, 'is not a council of today in areas.csv', row, 'area_code', code);
  };
  const value = (pc: string) => parseInt(pc.replace(' ', ''), 36);
  const reached = new Set<string>();
  let last = -1;
  ranges.forEach((r, i) => {
    check(postcodeRangesTable.file, i + 2, r.areaCode);
    if (r.areaCode) reached.add(r.areaCode);
    const v = value(r.firstPostcode);
    if (v <= last) throw new CsvError(postcodeRangesTable.file, 'postcodes are not in ascending order (read as base-36 numbers without the space)', i + 2, 'first_postcode', r.firstPostcode);
    last = v;
  });
  districts.forEach((d, i) => check(postcodeDistrictsTable.file, i + 2, d.areaCode));
  names.forEach((d, i) => check(districtsTable.file, i + 2, d.areaCode));
  const unreached = [...today.values()].filter((a) => !reached.has(a.code));
  if (unreached.length) throw new CsvError(postcodeRangesTable.file, `no postcode leads to ${unreached.map((a) => `${a.name} (${a.code})`).join(', ')}`);
}
