#pragma once
// The sections of the report, each adding its HTML (and chart specifications) to the page.
//
// Invariants:
//  - A section never throws for missing data: it says in the page what is missing and adds
//    the sentence to parts.notes as well.
//  - Sections appear in the order build_report() calls them; each is one <section> element.
#include <string>
#include <utility>
#include <vector>

#include "context.hpp"

namespace bedflow::report {

void add_question_and_answer(const ReportContext& context, PageParts& parts);
void add_time_charts(const ReportContext& context, PageParts& parts);
void add_ed_waits(const ReportContext& context, PageParts& parts);
// Per acute trust and mechanisms of flow: present only when the files have their measures.
void add_trusts(const ReportContext& context, PageParts& parts);
void add_flow_losses(const ReportContext& context, PageParts& parts);
void add_money(const ReportContext& context, PageParts& parts);
void add_differences(const ReportContext& context, PageParts& parts);
void add_sizing(const ReportContext& context, PageParts& parts);
void add_method(const ReportContext& context, PageParts& parts);

// The phrase "(95% CI a–b; in 9 of 10 simulated 93-day periods between c and d)" of a
// summary, in the unit's style; `percentiles` are the requested levels the summary carries,
// `periods` names the periods ("93-day periods").
std::string uncertainty_phrase(const results::MeasureSummary& summary,
                               const std::vector<double>& percentiles,
                               const std::string& periods);

// The days of calendar month `month` ("2027_01") inside a scenario's observed window, and
// the month's length, in whole days (ed_waits_section.cpp).
std::pair<long long, long long> month_days_observed(const ScenarioView& view,
                                                    const std::string& month);

// Per acute trust, of one scenario with several: for each ED wait threshold a table of the
// waits over it by calendar month, a column per trust and one for all trusts together
// (trust_months_table.cpp). Empty when the file has no per-trust months; `note` then says
// why.
std::string trust_months_tables(const ScenarioView& view, const std::vector<std::string>& trusts,
                                bool several_scenarios, std::string& note);

}  // namespace bedflow::report
