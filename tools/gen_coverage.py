#!/usr/bin/env python3
"""Generate data/coverage.json and data/countries.csv from the shared country-coverage reference table.

Run from the repository root:  python3 tools/gen_coverage.py

Input:  ../shared/reference/country-coverage.csv
        (iso2, name_en, name_fr, name_es, regional_office_2024, regional_office_before_2024, sub_regional_office_2024)
Output: data/countries.csv  (iso2,name_en,name_fr,name_es)
        data/coverage.json  one record per country, id "cov-<iso2 lower>", two versions:
          1. until 2024-10-01: regional_office = RO from regional_office_before_2024
          2. from 2024-10-01:  regional_office = RO from regional_office_2024, sub_regional_office = SRO or null
        Both versions are written even where the RO did not change: they have different provenance
        (the before/after columns of the table), and 2024-10-01 is the restructuring date documented by
        000_78fc46d8c5b0200a.txt (see data/CONFLICTS.md).
"""
import csv
import json
import os
import sys

SOURCE = 'country-coverage.csv'
CSV_PATH = os.path.join('..', 'shared', 'reference', SOURCE)
RESTRUCTURING = '2024-10-01'

# City names used in the table -> office ids in data/offices.json
REGIONAL_OFFICES = {
    'Bangkok': 'ro-bangkok',
    'Brussels': 'ro-brussels',
    'Vienna': 'ro-vienna',
    'Buenos Aires': 'ro-buenos-aires',
    'San José': 'ro-san-jose',
    'Cairo': 'ro-cairo',
    'Dakar': 'ro-dakar',
    'Nairobi': 'ro-nairobi',
    'Pretoria': 'ro-pretoria',
    'Panama City': 'ro-panama-city',
}
SUB_REGIONAL_OFFICES = {
    'Brussels': 'sro-brussels',
    'Pretoria': 'sro-pretoria',
}


def main():
    if not os.path.exists(CSV_PATH):
        sys.exit(f'{CSV_PATH} not found: run this script from the repository root')
    with open(CSV_PATH, encoding='utf-8', newline='') as fh:
        rows = list(csv.DictReader(fh))

    seen = set()
    countries, coverage = [], []
    for row in rows:
        iso2 = row['iso2'].strip().upper()
        if len(iso2) != 2 or not iso2.isalpha():
            sys.exit(f'bad iso2 code {iso2!r}')
        if iso2 in seen:
            sys.exit(f'duplicate iso2 code {iso2}')
        seen.add(iso2)
        countries.append([iso2, row['name_en'].strip(), row['name_fr'].strip(), row['name_es'].strip()])

        before = row['regional_office_before_2024'].strip()
        after = row['regional_office_2024'].strip()
        sro = row['sub_regional_office_2024'].strip()
        try:
            ro_before = REGIONAL_OFFICES[before]
            ro_after = REGIONAL_OFFICES[after]
            sro_after = SUB_REGIONAL_OFFICES[sro] if sro else None
        except KeyError as exc:
            sys.exit(f'{iso2}: unknown office name {exc}')
        coverage.append({
            'id': f'cov-{iso2.lower()}',
            'country': iso2,
            'versions': [
                {'valid_to': RESTRUCTURING, 'source': SOURCE,
                 'regional_office': ro_before, 'sub_regional_office': None},
                {'valid_from': RESTRUCTURING, 'source': SOURCE,
                 'regional_office': ro_after, 'sub_regional_office': sro_after},
            ],
        })

    os.makedirs('data', exist_ok=True)
    with open(os.path.join('data', 'countries.csv'), 'w', encoding='utf-8', newline='') as fh:
        writer = csv.writer(fh, lineterminator='\n')
        writer.writerow(['iso2', 'name_en', 'name_fr', 'name_es'])
        writer.writerows(countries)
    with open(os.path.join('data', 'coverage.json'), 'w', encoding='utf-8') as fh:
        json.dump({'coverage': coverage}, fh, ensure_ascii=False, indent=2)
        fh.write('\n')
    print(f'wrote data/countries.csv and data/coverage.json ({len(coverage)} countries)')


if __name__ == '__main__':
    main()
