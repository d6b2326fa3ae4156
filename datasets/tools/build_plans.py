#!/usr/bin/env python3
"""Converts the seeds' transcribed plan and report tables into the measures layout
(docs/INPUTS.md, "Plan measures") under datasets/plans/ (standard library only).

    python3 datasets/tools/build_plans.py ../shared/seeds/extracted datasets/plans

One row per line of a measure: an `indicator` line (target and what was achieved) or a
`funds` line (planned and used EUR of one source, or `total`). `part_of` names the lines a
line is a part of, so the tool can check that parts add up to the printed totals.

Where a target or a result is a sentence, the sentence is kept as printed in
`target_as_printed` / `achieved_as_printed`. Only where one reading is unambiguous is a short
form written to `target` / `achieved` (e.g. "ne mažiau nei 30", "45"); the lines read that way
are listed in READINGS below with the words of the sentence they come from. Every other
sentence goes into `target` unchanged, which the tool reports as "not numeric".
"""
import csv
import os
import re
import sys

COLUMNS = ["id", "municipality", "document", "year", "goal", "task", "measure_code", "measure", "implementer", "line",
           "indicator", "unit", "target", "achieved", "funds_part", "planned_eur", "used_eur", "part_of",
           "ward_code", "service_type", "target_as_printed", "achieved_as_printed", "source"]

# Visaginas 2023 report: (measure code, subrow) -> indicator (Lithuanian, as the report), unit, target as read, achieved as
# read, service type. Each reading repeats the words of the printed sentence it comes from.
READINGS = {
    ("1.2.4", "1"): ("šeimos, gavusios paslaugas", "šeimos", "apie 150", "147", ""),           # "apie 150 šeimų" / "gavo 147 šeimos"
    ("1.2.8", "1"): ("asmenys, gavę paslaugas", "asm.", "ne mažiau nei 8", "5", ""),         # "ne mažiau nei 8" / "5 asmenims"
    ("1.3.1", "1"): ("vaikai, gavę ilgalaikę socialinę globą", "vaikai", "6", "5", ""),         # "6 vaikams" / "5 vaikams"
    ("1.3.2", "1"): ("vaikai su negalia, gavę paslaugas", "vaikai", "20", "28", ""),  # "20 vaikų" / "28 vaikams"
    ("2.1.1", "1"): ("asmenys, gavę paramą", "asm.", "apie 200", "340", ""),           # "apie 200" / "340 asmenų"
    ("2.1.2", "1"): ("gyventojai, gavę paramą maistu", "asm.", "apie 2800", "2560", ""),  # "apie 2800" / "2560"
    ("2.1.3", "1"): ("socialiai pažeidžiami asmenys, gavę prevencines paslaugas", "asm.", "150", "62", ""),
    ("2.3.1", "1"): ("apgyvendinti asmenys", "asm.", "ne mažiau nei 25", "26", "night_shelter"),
    ("2.3.2", "1"): ("asmenys savarankiško gyvenimo namuose", "asm.", "25", "22", "independent_living"),
    ("3.1.1", "1"): ("suaugę asmenys su negalia, gavę paslaugas", "asm.", "27", "32", ""),
    ("3.1.2", "1"): ("suaugę asmenys su negalia, gavę socialinės reabilitacijos paslaugas", "asm.", "50", "46", ""),
    ("3.1.4", "1"): ("asmenys su negalia, gavę asmeninę pagalbą", "asm.", "ne mažiau nei 25", "32", ""),
    ("3.3.1", "1"): ("pritaikyti būstai", "butai", "15", "10", ""),
    ("3.3.2", "1"): ("asmenys su negalia, aprūpinti techninės pagalbos priemonėmis", "asm.", "ne mažiau nei 320", "420", ""),
    ("3.3.3", "1"): ("asmenys, kuriems apmokėtos komunalinės paslaugos", "asm.", "ne mažiau nei 110", "109", ""),
    ("4.1.1", "1"): ("asmenys, gavę socialines paslaugas namuose", "asm.", "ne mažiau nei 100", "123", "home_help"),
    ("4.1.2", "1"): ("asmenys su sunkia negalia, gavę dienos socialinę globą namuose", "asm.", "ne mažiau nei 30", "45",
                     "day_care_home"),
    ("4.1.3", "1"): ("asmenys su sunkia negalia, gavę integralią pagalbą", "asm.", "33", "43", "integrated_help"),
    ("4.3.5", "1"): ("dalyviai", "asm.", "apie 150", "100", ""),
    ("4.3.6", "1"): ("dalyviai", "vaikai", "apie 100", "80", ""),
    ("4.3.8", "1"): ("dalyviai", "asm.", "apie 30", "30", ""),
    ("4.3.9", "1"): ("dalyviai", "asm.", "apie 50", "50", ""),
    ("4.3.11", "1"): ("dalyviai", "asm.", "apie 150", "100", ""),
    ("4.3.12", "1"): ("dalyviai", "vaikai", "apie 50", "50", ""),
    ("4.4.1", "1"): ("senyvo amžiaus asmenys, poilsiavę prie jūros", "asm.", "50", "60", ""),
    ("4.4.2", "1"): ("surengtos išvykos", "išvykos", "4", "7", ""),
    ("4.5.1", "1"): ("pasveikinti jubiliatai", "asm.", "75", "75", ""),
    ("4.5.2", "1"): ("dalyviai", "asm.", "40–50", "60", ""),
    ("4.5.5", "1"): ("dalyviai", "asm.", "apie 40–50", "48", ""),
    ("4.5.6", "1"): ("dalyviai", "asm.", "apie 40–50", "36", ""),
    ("4.5.7", "1"): ("dalyviai", "asm.", "apie 40–50", "48", ""),
    ("4.7.1", "1"): ("patikrinti vaikų dienos centrai", "vnt.", "3", "3", "children_day_centre"),
    ("4.7.2", "1"): ("darbuotojai, kėlę kvalifikaciją", "darbuotojai", "ne mažiau nei 95", "89", ""),
}

SOURCES = [  # printed source words -> funds_part
    ("valstybės", "state_budget"), ("savivaldybės", "municipal_budget"), ("es ", "eu_funds"),
    ("esfa", "eu_funds"), ("es fond", "eu_funds"), ("įmokos", "service_fees"), ("globos", "care_benefits"),
    ("tikslinės kompensacijos", "targeted_compensation"), ("kiti", "other"), ("parama", "other"),
    ("paramos", "other"),
]
AMOUNT = re.compile(r"(\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d{1,2})?)\s+([^,;()0-9]+)")


def eur(text):
    return float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))


def sources_of(printed):
    """{funds_part: eur} read from '470 250,00 (445 550,00 valstybės ..., 24 700,00 įmokos ...)'."""
    out = {}
    for amount, words in AMOUNT.findall(printed):
        w = " " + words.lower().strip() + " "
        part = next((p for key, p in SOURCES if key in w), None)
        if part:
            out[part] = out.get(part, 0.0) + eur(amount)
    return out


def body(printed):
    """The responsible body as printed, without the HTML paragraph marks of the transcription."""
    text = re.sub(r"</?p>", " ", printed)
    return re.sub(r"\s+", " ", text).strip().rstrip(",")


def fmt(x):
    return "" if x is None else ("%.2f" % x)


def visaginas(src, rows):
    doc = "Visagino savivaldybės 2023 m. socialinių paslaugų plano įgyvendinimo ataskaita"
    for r in csv.DictReader(open(os.path.join(src, "visaginas_2023_plan_report.csv"), encoding="utf-8")):
        code, sub = r["measure_code"], r["subrow"]
        base = "VIS-%s-%s" % (code, sub)
        # A measure carried out by several bodies prints one line (subrow) per body; each keeps
        # its body, so that the tool sums the measure over its bodies.
        common = dict(municipality="Visagino sav.", document=doc, year="2023", goal=r["goal_lt"], task=r["task_lt"],
                      measure_code=code, measure=r["measure_lt"], implementer=body(r["responsible_lt"]),
                      source="seed " + r["source"])
        reading = READINGS.get((code, sub))
        ind = dict(common, id=base + "-i", line="indicator", target_as_printed=r["expected_result_lt"],
                   achieved_as_printed=r["achieved_result_or_obstacles_lt"])
        if reading:
            ind.update(indicator=reading[0], unit=reading[1], target=reading[2], achieved=reading[3],
                       service_type=reading[4])
        else:
            ind.update(indicator=r["expected_result_lt"][:120], target=r["expected_result_lt"],
                       achieved=r["achieved_result_or_obstacles_lt"])
        if ind["target"] or ind["achieved"]:
            rows.append(ind)
        # Funds. A few rows print two bodies' amounts in one cell ("39806.00;62868.00" beside
        # two bodies): split per body where the cell names as many known bodies as amounts, in
        # the order printed; other rows with two totals (1.3.1: one body, two used amounts)
        # are kept as printed and not summed.
        planned_total, used_total = r["planned_top_level_amounts_eur"], r["used_top_level_amounts_eur"]
        if ";" in planned_total or ";" in used_total or "?" in planned_total:
            split = split_bodies(r)
            if split:
                for k, (name, p_text, p_total, u_text, u_total) in enumerate(split):
                    funds_lines(dict(common, implementer=name), "%s-b%d" % (base, k + 1), p_text, p_total, u_text,
                                u_total, rows)
                continue
            rows.append(dict(common, id=base + "-f-total", line="funds", funds_part="total",
                             target_as_printed=r["planned_funds_and_source_as_printed"],
                             achieved_as_printed=r["used_funds_and_source_as_printed"],
                             indicator="two or more printed totals: kept as printed, not summed"))
            continue
        if not planned_total and not used_total:
            continue
        funds_lines(common, base, r["planned_funds_and_source_as_printed"], planned_total,
                    r["used_funds_and_source_as_printed"], used_total, rows)


# The bodies a Visaginas cell may name together, as printed.
BODIES = ["Visagino socialinių paslaugų centras", "Visagino šeimos ir vaiko gerovės centras",
          "Visagino miesto neįgaliųjų sporto klubas „Visaggalis“"]


def printed_amount(x):
    """39806.00 -> '39 806,00', as the report prints it."""
    whole, cents = ("%.2f" % float(x)).split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return " ".join(groups) + "," + cents


def segments(text, totals):
    """The printed cell cut where each top-level amount starts, in order; None if one is missing."""
    starts, at = [], 0
    for t in totals:
        amount = printed_amount(t)
        i = text.find(amount, at)
        while i > 0 and (text[i - 1].isdigit() or text[i - 1] not in " )"):
            i = text.find(amount, i + 1)
        if i < 0:
            return None
        starts.append(i)
        at = i + len(amount)
    return [text[a:b].strip().rstrip(",").strip() for a, b in zip(starts, starts[1:] + [len(text)])]


def split_bodies(r):
    """[(body, planned text, planned total, used text, used total)] for a cell of two bodies, or None."""
    planned = r["planned_top_level_amounts_eur"].split(";")
    used = r["used_top_level_amounts_eur"].split(";")
    names = sorted((r["responsible_lt"].find(b), b) for b in BODIES if b in r["responsible_lt"])
    if len(planned) != len(used) or len(names) != len(planned) or "?" in r["planned_top_level_amounts_eur"]:
        return None
    p_seg = segments(r["planned_funds_and_source_as_printed"], planned)
    u_seg = segments(r["used_funds_and_source_as_printed"], used)
    if not p_seg or not u_seg:
        return None
    return [(n, p_seg[k], planned[k], u_seg[k], used[k]) for k, (_, n) in enumerate(names)]


def funds_lines(common, base, planned_printed, planned_total, used_printed, used_total, rows):
    """A `total` funds line with the printed totals and, where a side prints two or more
    sources, one line per source naming the total in part_of."""
    planned = sources_of(planned_printed)
    used = sources_of(used_printed)
    total_id = base + "-f-total"
    rows.append(dict(common, id=total_id, line="funds", funds_part="total",
                     planned_eur=planned_total, used_eur=used_total,
                     target_as_printed=planned_printed, achieved_as_printed=used_printed))
    parts = sorted(set(planned) | set(used))
    # A single printed source is the total itself; parts are written when either side prints
    # two or more, and then the side with one source gives it too (4.2.1: planned 100,00
    # municipal; used 320,00 state + 460,00 other).
    if len(planned) >= 2 or len(used) >= 2:
        for p in parts:
            rows.append(dict(common, id=base + "-f-" + p, line="funds", funds_part=p,
                             planned_eur=fmt(planned.get(p)) if planned and planned_total else "",
                             used_eur=fmt(used.get(p)) if used and used_total else "", part_of=total_id))


def visaginas_funds(src, rows):
    doc = "Visagino savivaldybės 2023 m. socialinių paslaugų plano įgyvendinimo ataskaita (lėšos 2021–2023)"
    parts = {"Valstybės": "state_budget", "Savivaldybės": "municipal_budget", "Įmokos": "service_fees",
             "Globos": "care_benefits", "ES": "eu_funds", "Kitų": "other", "Nepiniginė": "in_kind_support",
             "Visuomenės": "public_health_programme"}
    for r in csv.DictReader(open(os.path.join(src, "visaginas_2021_2023_funds_used.csv"), encoding="utf-8")):
        y = r["year"]
        total_id = "VIS-funds-%s-total" % y
        name = r["funding_source_lt"]
        common = dict(municipality="Visagino sav.", document=doc, year=y, measure_code="funds-used-" + y,
                      measure="Socialinėms paslaugoms panaudotos lėšos " + y + " m.", line="funds",
                      achieved_as_printed=r["eur_as_printed"], source="seed " + r["source"],
                      indicator=name)
        if name.startswith("Iš viso"):
            rows.append(dict(common, id=total_id, funds_part="total", used_eur=r["eur"]))
        else:
            key = next(v for k, v in parts.items() if name.startswith(k))
            rows.append(dict(common, id="VIS-funds-%s-%s" % (y, key), funds_part=key, used_eur=r["eur"],
                             part_of=total_id))


def kmspc(src, rows):
    doc = "Kauno miesto socialinių paslaugų centro 2021 m. veiklos planas"
    budget_total = None
    for i, r in enumerate(csv.DictReader(open(os.path.join(src, "kaunas_centre_2021_targets.csv"), encoding="utf-8"))):
        common = dict(municipality="Kauno m. sav.", document=doc, year="2021", goal=r["section"],
                      measure_code=r["item_no"] or ("budget" if r["section"].endswith("biudžetas") else "row-%02d" % (i + 1)),
                      measure=r["activity_lt"], source="seed " + r["source"])
        if r["section"].endswith("biudžetas"):
            value = r["target_value"]
            if budget_total is None:
                budget_total = "KMSPC-budget-total"
                rows.append(dict(common, id=budget_total, line="funds", funds_part="total", planned_eur=value,
                                 indicator=r["indicator_lt"], target_as_printed=r["amount_text_as_printed"]))
            else:
                part = "wages" if value == "1666665" else "assets"
                rows.append(dict(common, id="KMSPC-budget-" + part, line="funds", funds_part=part,
                                 planned_eur=value, part_of=budget_total, indicator=r["indicator_lt"],
                                 target_as_printed=r["amount_text_as_printed"]))
            continue
        target = r["target_value_as_printed"] or r["amount_text_as_printed"]
        rows.append(dict(common, id="KMSPC-%02d" % (i + 1), line="indicator", indicator=r["indicator_lt"],
                         unit=r["unit"], target=target, target_as_printed=r["target_value_as_printed"]))


def kaunas_annex(src, rows):
    doc = "Kauno miesto savivaldybės 2022 m. socialinių paslaugų planas, priemonių planas"
    service = {"1.3": "children_day_centre", "3.3": "day_care_home", "3.5": "home_help", "2.5": "transport"}
    eu = 0
    for r in csv.DictReader(open(os.path.join(src, "kaunas_2022_measures_plan.csv"), encoding="utf-8")):
        code = r["task_code"]
        if not code:  # the EU-funded projects at the end of the annex print no task code
            eu += 1
            code = "ES-%d" % eu
        common = dict(municipality="Kauno m. sav.", document=doc, year="2022", goal=r["goal_lt"], task=r["task_lt"],
                      measure_code=code, measure=r["mechanism_lt"], source="seed " + r["source"],
                      service_type=service.get(code, ""))
        rows.append(dict(common, id="KNS22-%s-i" % code, line="indicator", indicator=r["expected_result_2022_lt"][:120],
                         target=r["expected_result_2022_lt"], target_as_printed=r["expected_result_2022_lt"]))
        if r["achieved_result_2021_lt"] and r["achieved_result_2021_lt"] != "-":
            rows.append(dict(common, id="KNS22-%s-r2021" % code, year="2021", line="indicator",
                             indicator=r["achieved_result_2021_lt"][:120], achieved=r["achieved_result_2021_lt"],
                             achieved_as_printed=r["achieved_result_2021_lt"]))
        for col, part in (("municipal_budget_eur", "municipal_budget"), ("state_budget_eur", "state_budget"),
                          ("eu_funds_eur", "eu_funds")):
            if r[col]:
                rows.append(dict(common, id="KNS22-%s-f-%s" % (code, part), line="funds", funds_part=part,
                                 planned_eur=r[col], target_as_printed=r["funding_as_printed"]))


def planned_result(r):
    """Palanga's planned result as printed; where the date column ("Vykdymo data") states more
    than the year ("2023 m. 1 kartą per mėnesį", "2023 m. nemažiau kaip 8 val."), it is part of
    the target and follows, labelled."""
    text = r['planned_result_lt (column "Pasiekti rezultatai")'].strip()
    date = r["execution_date_lt"].strip()
    return text + (" (Vykdymo data: " + date + ")" if date.rstrip(".") != "2023 m" else "")


def palanga(src, rows):
    doc = "Palangos miesto savivaldybės socialinių paslaugų centro 2023 m. veiklos rezultatai (atvejo vadyba)"
    ids = {}
    data = list(csv.DictReader(open(os.path.join(src, "palanga_2023_results.csv"), encoding="utf-8")))
    for i, r in enumerate(data):
        ids[i] = "PAL-%02d" % (i + 1)
    # Printed relations between lines: new processes 58 = 40 assessed + 18 not started; closed
    # 53 = 20 + 10 + 2 + 3 + 18 by reason; questionnaires 33 = 31 answered + 2 not; 97 % = 84 + 13.
    part_of = {1: [0], 4: [0, 3], 5: [3], 6: [3], 7: [3], 8: [3], 25: [24], 27: [24], 28: [31], 29: [31]}
    for i, r in enumerate(data):
        target = r["target_text_en"]
        # The planned result is the column the report heads "Pasiekti rezultatai" (its third
        # column, transcribed as planned_result_lt); the second, "Vykdymo data", is a date.
        rows.append(dict(id=ids[i], municipality="Palangos m. sav.", document=doc, year="2023",
                         measure_code=r["item_no"], measure=r["measure_lt"], implementer=body(r["responsible_lt"]),
                         line="indicator", indicator=r["indicator_en"], unit=r["unit"], target=target,
                         achieved=r["value"], achieved_as_printed=r["quote_lt"],
                         target_as_printed=planned_result(r),
                         part_of=";".join(ids[j] for j in part_of.get(i, [])), source="seed " + r["source"]))


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    for name, fns in (("visaginas_2023.csv", [visaginas, visaginas_funds]), ("kmspc_2021.csv", [kmspc]),
                      ("kaunas_2022_measures.csv", [kaunas_annex]), ("palanga_2023.csv", [palanga])):
        rows = []
        for fn in fns:
            fn(src, rows)
        ids = [r["id"] for r in rows]
        assert len(ids) == len(set(ids)), name + ": duplicate ids"
        with open(os.path.join(dst, name), "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
            w.writeheader()
            for r in rows:
                w.writerow({c: r.get(c, "") for c in COLUMNS})
        print(name, len(rows), "lines")


if __name__ == "__main__":
    main()
