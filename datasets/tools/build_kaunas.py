#!/usr/bin/env python3
"""Builds datasets/kaunas/{providers,needs,population_groups}.csv from the seed tables.

Usage: python3 build_kaunas.py <seeds/extracted dir> <eurostat LT.csv> <out dir>

Every row keeps its seed source line. Nothing is invented: a provider is placed only
where a seed or its own name says where it is, and the rule used is written to
`location_basis`. Run it again after changing a rule; the CSVs are committed.
"""
import csv, re, sys, os

SECTION_TYPES = {  # seed provider-table section -> (service type, target group, unit)
    '1': ('ltc_institution', 'residents', 'persons'),
    '2': ('ltc_seimyna', 'children_without_parental_care', 'persons'),
    '3': ('respite_care', 'residents', 'persons'),
    '4.1': ('day_care_institution', 'children_disability', 'persons'),
    '4.2': ('day_care_institution', 'adults_disability', 'persons'),
    '4.3': ('day_care_institution', 'older', 'persons'),
    '5.1': ('day_care_home', 'children_disability', 'persons'),
    '5.2': ('day_care_home', 'adults_disability', 'persons'),
    '5.3': ('day_care_home', 'older', 'persons'),
    '6.1': ('social_skills_day_centre', 'children_asd', 'persons'),
    '6.2': ('social_skills_day_centre', 'adults_disability', 'persons'),
    '6.3': ('social_skills_day_centre', 'older', 'persons'),
    '6.4': ('independent_living', 'intellectual_psychosocial_disability', 'persons'),
    '6.5': ('independent_living', 'mothers_with_children', 'persons'),
    '6.6': ('home_help', 'residents', 'persons'),
    '6.7': ('children_day_centre', 'children', 'persons'),
    '6.8': ('social_skills_family', 'social_risk_families', 'families'),
    '6.9': ('personal_assistant_family', 'families_in_difficulty', 'families'),
    '6.10': ('social_skills_adults_risk', 'adults_social_risk', 'persons'),
    '6.11': ('crisis_help', 'social_risk_families', 'families'),
    '7.1': ('transport', 'residents', 'persons'),
    '7.2': ('meals', 'residents', 'persons'),
}

KAUNAS = 'Kauno m. sav.'
# Municipality stems that name exactly one municipality (so a provider's name that
# contains one places it in that municipality). Ambiguous stems (Kauno, Vilniaus,
# Klaipėdos, Alytaus, Panevėžio, Šiaulių: city and district) are not used.
MUNICIPALITY_STEMS = {
    'Druskininkų': 'Druskininkų sav.', 'Raseinių': 'Raseinių r. sav.', 'Prienų': 'Prienų r. sav.',
    'Šakių': 'Šakių r. sav.', 'Kupiškio': 'Kupiškio r. sav.', 'Kėdainių': 'Kėdainių r. sav.',
    'Marijampolės': 'Marijampolės sav.', 'Utenos': 'Utenos r. sav.', 'Visagino': 'Visagino sav.',
    'Zarasų': 'Zarasų r. sav.', 'Kazlų Rūdos': 'Kazlų Rūdos sav.', 'Kalvarijos': 'Kalvarijos sav.',
}
# Neighbourhood or ward names inside Kaunas provider names -> ward code. The mapping of a
# neighbourhood to its ward is general knowledge, not in the seeds: marked [gen.].
WARD_FROM_NAME = [
    ('Kauno Panemunės', '1907', 'name names Panemunė, which is Panemunės sen. [gen.]'),
    ('Panemunės vaikų dienos centras', '1907', 'name names Panemunė, which is Panemunės sen. [gen.]'),
    ('Žaliakalnio vaikų dienos centras', '1902', 'name names Žaliakalnis = Žaliakalnio sen.'),
    ('Šančių vaikų dienos centras', '1903', 'name names Šančiai = Šančių sen.'),
    ('Senamiesčio vaikų dienos centras', '1901', 'name names Senamiestis, which is in Centro sen. [gen.]'),
    ('Palemono vaikų dienos centras', '1906', 'name names Palemonas, which is in Petrašiūnų sen. [gen.]'),
]
# Seed addresses (places_mentioned.csv): known street address, not geocoded.
ADDRESSES = {
    'Kauno kartų namai': ('Sąjungos a. 13A, Kaunas', '004_4e97871b43e3b977.txt:1942'),
    'Šeimos krizių': ('Birutės g. 29A, Kaunas', '004_4e97871b43e3b977.txt:1909'),
}


def locate(name, section):
    """Returns (precision, municipality, ward_code, address, basis)."""
    for key, (addr, src) in ADDRESSES.items():
        if key in name:
            return ('municipality', KAUNAS, '', addr,
                    f'address in the plan ({src}); not geocoded: no address points in the data')
    for needle, ward, basis in WARD_FROM_NAME:
        if needle in name:
            return ('ward', KAUNAS, ward, '', basis)
    if 'Maltos ordino pagalbos tarnybos vaikų dienos centrai' in name:
        return ('municipality', KAUNAS, '', '',
                'runs centres in Gričiupio, Vilijampolės and Petrašiūnų sen. (004:1400); recipients not split by ward')
    if 'Kauno miesto socialinių paslaugų centr' in name or 'Kauno savivaldybės' in name:
        return ('municipality', KAUNAS, '', '', "name says it is Kaunas city's own institution; several premises")
    for stem, mun in MUNICIPALITY_STEMS.items():
        if re.search(r'\b' + stem, name):
            return ('municipality', mun, '', '', f'name names {stem} ({mun})')
    return ('unknown', '', '', '', 'no address, ward or town in the seed')


def num(s):
    s = (s or '').strip()
    return '' if s in ('', '-') else s


def providers(seed_dir, eurostat_csv):
    rows = []
    keys = {}
    first_name = {}  # one provider, one name: the first as printed; each line keeps its own
    with open(os.path.join(seed_dir, 'kaunas_2021_providers.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            st, tg, unit = SECTION_TYPES[r['service_section']]
            name = r['provider_name']
            key = r['provider_key (DERIVED: VšĮ/quotes normalised, service detail removed)']
            pid = keys.setdefault(key, f'KNS{len(keys) + 1:03d}')
            canonical = first_name.setdefault(pid, name)
            detail = r['service_detail_in_name']
            if 'saugi nakvynė' in detail:
                unit = 'episodes'  # 2 300 sobering-up stays, not persons (DIGEST 5.3)
            prec, mun, ward, addr, basis = locate(name, r['service_section'])
            rows.append({
                'provider_id': pid, 'name': canonical, 'name_as_printed': name,
                'ownership': r['ownership_subordination_lt'],
                'service_type': st, 'target_group': tg, 'unit': unit, 'service_detail': detail,
                'places': '', 'recipients': num(r['recipients']),
                'municipality_funded': num(r['municipality_funded_recipients']), 'waiting_list': '',
                'reference_date': r['reference_date'], 'serves_municipality': KAUNAS,
                'location_precision': prec, 'municipality': mun, 'ward_code': ward, 'address': addr,
                'lon': '', 'lat': '', 'location_basis': basis,
                'source': f"Kaunas 2022 plan §5, seed {r['source']} (section {r['service_section']})",
            })
    # The one nursing hospital Eurostat/GISCO places in Kaunas city, with its geocoded point.
    with open(eurostat_csv, encoding='utf-8') as f:
        for r in csv.DictReader(f):
            if r['facility_type'] == 'nursing' and r['city'] == 'Kaunas':
                assert r['geo_qual'] == '1'
                rows.append({
                    'provider_id': f"EUROSTAT{r['id']}", 'name': r['hospital_name'],
                    'name_as_printed': r['hospital_name'],
                    'ownership': r['public_private'], 'service_type': 'nursing_hospital',
                    'target_group': 'residents', 'unit': 'beds', 'service_detail': '',
                    'places': r['cap_beds'], 'recipients': '', 'municipality_funded': '', 'waiting_list': '',
                    'reference_date': '2018-12-31', 'serves_municipality': KAUNAS,
                    'location_precision': 'address', 'municipality': KAUNAS, 'ward_code': '',
                    'address': f"{r['street']} {r['house_number']}, {r['city']}",
                    'lon': r['lon'], 'lat': r['lat'],
                    'location_basis': 'Eurostat/GISCO geocoded address (geo_qual 1)',
                    'source': f"Eurostat/GISCO Healthcare services in Europe, LT.csv id {r['id']}",
                })
    return rows


# needs-table row -> (service type, target group, unit, age-group denominator, social-group denominator)
NEEDS = {
    '1.1': ('ltc_institution', 'children_without_parental_care', 'persons', 'children', 'children_without_parental_care'),
    '1.2': ('ltc_institution', 'children_disability', 'persons', 'children', 'children_disability'),
    '1.3': ('ltc_institution', 'adults_disability', 'persons', 'working_age', 'adults_disability'),
    '1.4': ('ltc_institution', 'older', 'persons', 'older', 'older_special_needs'),
    '2.1': ('day_care_institution', 'children_disability', 'persons', 'children', 'children_disability'),
    '2.2': ('day_care_institution', 'adults_disability', 'persons', 'working_age', 'adults_disability'),
    '2.3': ('day_care_institution', 'older', 'persons', 'older', 'older_special_needs'),
    '3.1': ('day_care_home', 'children_disability', 'persons', 'children', 'children_disability'),
    '3.2': ('day_care_home', 'adults_disability', 'persons', 'working_age', 'adults_disability'),
    '3.3': ('day_care_home', 'older', 'persons', 'older', 'older_special_needs'),
    '4.1': ('home_help', 'adults_disability', 'persons', 'working_age', 'adults_disability'),
    '4.2': ('home_help', 'older', 'persons', 'older', 'older_special_needs'),
    '5.1': ('social_skills_day_centre', 'children_disability', 'persons', 'children', 'children_disability'),
    '5.2': ('social_skills_day_centre', 'adults_disability', 'persons', 'working_age', 'adults_disability'),
    '5.3': ('social_skills_day_centre', 'older', 'persons', 'older', 'older_special_needs'),
    '5.4': ('social_skills_adults_risk', 'adults_social_risk', 'persons', 'working_age', ''),
    '5.5': ('social_skills_family', 'social_risk_families', 'families', 'working_age', 'social_risk_families'),
    '5.6': ('independent_living', 'adults_disability', 'persons', 'working_age', 'adults_disability'),
    '5.7': ('independent_living', 'mothers_with_children', 'persons', 'working_age', ''),
    '5.8': ('night_shelter', 'adults_social_risk', 'episodes', 'adults', ''),
    '5.9': ('independent_living', 'care_leavers', 'persons', 'working_age', ''),
    '5.10': ('crisis_help', 'social_risk_families', 'families', 'working_age', ''),
    '5.11': ('psychosocial_help', 'violence_affected', 'persons', 'working_age', ''),
    '5.12': ('foster_carer_support', 'foster_carers', 'persons', 'working_age', ''),
    '5.13': ('children_day_centre', 'children', 'persons', 'children', 'social_risk_families'),
    '6': ('social_skills_family', 'social_risk_families', 'families', 'working_age', ''),
    '7.1': ('transport', 'residents', 'persons', 'working_age', ''),
    '7.2': ('meals', 'residents', 'persons', '', ''),
}


def needs(seed_dir):
    out = []
    with open(os.path.join(seed_dir, 'kaunas_2021_needs.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            st, tg, unit, age_den, soc_den = NEEDS[r['code']]
            out.append({
                'municipality': KAUNAS, 'code': r['code'], 'service_type': st, 'target_group': tg,
                'unit': unit, 'label_lt': r['group_or_service_lt'], 'label_en': r['group_or_service_en'],
                'assessed_need': r['assessed_need'], 'unmet_need': r['unmet_need'],
                'unmet_note': 'queue at a chosen provider (004:1856)' if r['unmet_footnote'] else '',
                'printed_age_group_ratio': r['places_per_1000_residents_of_age_group_as_labelled'],
                'age_group_denominator': age_den,
                'printed_social_group_ratio': r['per_1000_recipients_of_social_group_as_labelled'],
                'social_group_denominator': soc_den,
                'printed_scale': '1000', 'reference_year': r['reference_year'],
                'source': f"Kaunas 2022 plan §6, seed {r['source']}",
            })
    return out


POP_GROUPS = [  # (group code, row in kaunas_2021_population.csv matched by table+indicator_en)
    ('residents', 'table_4.1', 'residents, total'),
    ('children', 'table_4.1', 'children (under 18)'),
    ('working_age', 'table_4.1', 'working-age persons'),
    ('older', 'table_4.1', 'older (pension-age) persons'),
    ('adults_disability', 'table_4.1', 'adults with disability'),
    ('older_special_needs', 'table_4.1', 'pension-age persons with assessed special needs'),
    ('children_disability', 'table_4.1', 'children with disability'),
    ('social_risk_families', 'text', 'families facing difficulties (social-risk families)'),
    ('children_without_parental_care', 'text', 'children who lost parental care'),
]


def population_groups(seed_dir):
    rows = list(csv.DictReader(open(os.path.join(seed_dir, 'kaunas_2021_population.csv'), encoding='utf-8')))
    out = []
    for code, table, ind in POP_GROUPS:
        m = [r for r in rows if r['table'] == table and r['indicator_en'] == ind]
        assert len(m) == 1, (code, m)
        r = m[0]
        unit = 'families' if code == 'social_risk_families' else 'persons'
        out.append({'municipality': KAUNAS, 'group': code, 'value': r['value'], 'unit': unit,
                    'reference_date': r['reference_date'], 'derived': 'no',
                    'source': f"Kaunas 2022 plan, seed {r['source']}"})
    wa = next(int(o['value']) for o in out if o['group'] == 'working_age')
    ol = next(int(o['value']) for o in out if o['group'] == 'older')
    out.append({'municipality': KAUNAS, 'group': 'adults', 'value': str(wa + ol), 'unit': 'persons',
                'reference_date': '2021-01-01', 'derived': 'yes',
                'source': 'derived: working_age + older (Kaunas 2022 plan table 4.1, 004:70+94)'})
    return out


def write(path, rows):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator='\n')
        w.writeheader()
        w.writerows(rows)


if __name__ == '__main__':
    seed_dir, eurostat, out = sys.argv[1:4]
    write(os.path.join(out, 'providers.csv'), providers(seed_dir, eurostat))
    write(os.path.join(out, 'needs.csv'), needs(seed_dir))
    write(os.path.join(out, 'population_groups.csv'), population_groups(seed_dir))
