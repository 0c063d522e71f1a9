//! Every user-visible string, in one table per language.
//!
//! A language is a [`Strings`] value. English is compiled in, and the compiler refuses it a
//! missing key; Persian and Vietnamese are files (`public/i18n/<tag>.txt`, see [`file`]) read
//! when the language is chosen, and a test fails when either lacks a key or has one no table
//! knows. Messages that take values use `{name}` placeholders, filled by
//! [`fill`]. Numbers are written by the language's [`NumberStyle`].

use crate::core::error::{ErrorKind, Field, FieldError};
use crate::core::figure::{Currency, FigureId, PeriodUnit, Source, Term, Undefined, Value};
use crate::core::number::{parse_decimal, NumberError, NumberStyle};
use crate::core::panel::{Group, Panel};
use crate::core::period::ChurnDefinition;
use crate::core::projection::ProjectionText;

mod table;
use table::string_table;

mod charts;
mod clv;
pub mod file;
mod import;
mod sbg;
pub use charts::{ChartStrings, EN_CHARTS};
pub use clv::{ClvStrings, EN_CLV};
pub use import::{ImportStrings, EN_IMPORT};
pub use sbg::{SbgStrings, EN_SBG};

/// A language the page can be shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Fa,
    Vi,
}

impl Lang {
    /// Every language, in the order the language switch lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fa, Lang::Vi];

    /// The BCP 47 tag for the document's `lang` attribute; also the name of the language's
    /// strings file.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fa => "fa",
            Lang::Vi => "vi",
        }
    }

    /// The language of a BCP 47 tag such as `fa-IR` or `vi`, if the page has it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language's name in itself, as the language switch shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fa => "\u{0641}\u{0627}\u{0631}\u{0633}\u{06CC}",
            Lang::Vi => "Ti\u{1EBF}ng Vi\u{1EC7}t",
        }
    }

    /// Written right to left.
    pub fn rtl(self) -> bool {
        self == Lang::Fa
    }

    /// How the language writes numbers, docs/metrics.md's display rules.
    pub fn number_style(self) -> NumberStyle {
        match self {
            Lang::En => NumberStyle::ENGLISH,
            Lang::Fa => NumberStyle::PERSIAN,
            Lang::Vi => NumberStyle::VIETNAMESE,
        }
    }
}

/// Picks one string out of a table; components take these so that labels follow the language.
pub type Text = fn(&'static Strings) -> &'static str;

string_table! {
    /// One language's strings.
    pub struct Strings {
        [number_style: NumberStyle]
        // The data-import panel.
        [import: &'static ImportStrings]
        // The charts.
        [charts: &'static ChartStrings]
        // The retention forecast.
        [sbg: &'static SbgStrings]
        // The customers view.
        [clv: &'static ClvStrings]
        app_title,
        app_tagline,
        skip_to_calculators,
        privacy,
        crash_notice,
        language_label,
        latin_digits,
        language_failed,
        optional,
        presets,
        clear,
        undefined_mark,
        source_label,

        // The navigation and the addresses
        nav_label,
        nav_menu,
        group_relationship,
        group_churn,
        group_data,
        group_revenue,
        group_forecasts,
        nav_ror,
        nav_period,
        nav_data,
        nav_compounding,
        nav_forecast,
        nav_ltv,
        nav_conversion,
        nav_winback,
        nav_funnel,
        nav_revenue,
        nav_customers,
        next_link,
        unknown_route,
        /// While a calculator's code is fetched, the first time it is shown.
        calculator_loading,
        /// When a calculator's code could not be fetched.
        calculator_unfetched,
        calculator_retry,

        // ROR panel
        ror_heading,
        ror_intro,
        total_customers,
        helped_customers,
        repeat_customers,
        ror_seed_preset,
        ror_legend,
        ror_seed_print_note,
        ror_direction_note,
        ror_rubin_note,

        // Period panel
        period_heading,
        period_intro,
        customers_at_start,
        new_customers,
        lost_customers,
        returning_customers,
        joined_and_left,
        returning_hint,
        joined_left_hint,
        telecom_preset,
        variants_preset,
        period_legend,
        churn_definition,
        churn_variants_heading,
        interval_caption,
        interval_other_definition,

        // Working and teacher mode
        show_working,
        large_type,
        step_formula,
        step_numbers,
        step_result,

        // Projection panel
        projection_heading,
        projection_intro,
        starting_customers,
        horizon,
        retention_pct,
        acquisition_pct,
        scenario_name,
        scenario_default_name,
        scenario_keeps,
        add_scenario,
        remove_scenario,
        duplicate_scenario,
        seed_projection_preset,
        reichheld_preset,
        mode_legend,
        mode_proportional,
        mode_fixed,
        mode_proportional_help,
        mode_fixed_help,
        unit_legend,
        per_period_hint,
        horizon_rounded,
        projection_table_caption,
        scenario_label,
        unit_years,
        unit_months,
        unit_quarters,
        unit_year,
        unit_month,
        unit_quarter,
        never,
        never_levels_off,
        no_plateau,

        ltv_heading,
        ltv_intro,
        revenue_label,
        years_label,
        margin_label,
        ltv_churn_label,
        discount_label,
        ltv_preset,
        currency_label,
        currency_none,
        ltv_unit_label,
        unit_option_months,
        unit_option_quarters,
        unit_option_years,
        ltv_note,
        conversion_heading,
        conversion_intro,
        conversion_churn_label,
        conversion_unit_label,
        conversion_preset,
        conversion_note,
        winback_heading,
        winback_intro,
        dormant_label,
        winback_preset,
        funnel_heading,
        // Revenue retention panel
        revenue_heading,
        revenue_intro,
        revenue_data_heading,
        revenue_data_intro,
        revenue_data_none,
        revenue_data_link,
        revenue_from_data_link,
        revenue_calc_heading,
        revenue_start_label,
        expansion_label,
        contraction_label,
        churned_revenue_label,
        new_revenue_label,
        new_revenue_hint,
        revenue_preset,
        revenue_symbols,
        revenue_note,
        fig_grr,
        fig_nrr,
        fig_revenue_churn,
        fig_revenue_end,
        fig_arpu,
        funnel_intro,
        stage_name_label,
        stage_count_label,
        add_stage,
        remove_stage,
        funnel_preset,
        stage_default_name,
        fig_ltv_seed,
        fig_lifetime,
        fig_ltv_from_churn,
        fig_ltv_discounted,
        fig_churn_monthly,
        fig_churn_quarterly,
        fig_churn_annual,
        fig_winback_low,
        fig_winback_high,
        fig_funnel_stage,
        fig_funnel_overall,
        src_reichheld,
        src_winback,
        src_compounding,
        err_stage_grows,

        // Figure names
        fig_ror,
        fig_repeat_share,
        fig_jackson_ror,
        fig_end,
        fig_churn,
        fig_churn_low,
        fig_churn_high,
        fig_retention,
        fig_gross_acquisition,
        fig_net_growth,
        fig_churn_start,
        fig_churn_start_new,
        fig_churn_average,
        fig_churn_spread,
        points_suffix,
        fig_projection_multiplier,
        fig_projection_end,
        fig_projection_growth,
        fig_projection_doubling,
        fig_projection_plateau,

        // Sources
        src_seed,
        src_dean_jackson,
        src_stripe,
        src_wilson,
        src_arithmetic,
        src_textbook,

        // Field errors
        err_empty,
        err_unexpected,
        err_grouping,
        err_negative,
        err_fraction,
        err_too_large,
        err_ambiguous,
        err_exceeds,
        err_sum_exceeds,
        err_range,
        err_at_least,

        // Reasons a figure has no value
        why_needs_field,
        why_zero_field,
        why_zero_sum,
        why_needs_others,
        // Saving sessions
        session_default_name,
        session_file,
        session_damaged_file,
        storage_unavailable,
        storage_full,
        storage_damaged,
        storage_newer,
        download_session,
        download_damaged,
        storage_conflict_question,
        storage_changed_elsewhere,
        storage_refused,
        storage_damaged_kept,
        storage_not_saved,
        download_not_saved,
        not_saved_file,
        session_not_saved_badge,
        session_unnamed,
        save_now,
        download_damaged_n,
        restore_conflict_question,
        session_import_full,
        session_import_refused,
        // Sessions, files, share links and embedding
        session_heading,
        session_name,
        new_session,
        duplicate_session,
        duplicate_session_named,
        session_copy_name,
        open_session,
        open_session_named,
        delete_session,
        delete_session_named,
        session_open_now,
        session_newer_badge,
        session_deleted,
        undo,
        all_sessions,
        sessions_caption,
        session_col_name,
        session_col_created,
        session_col_modified,
        session_col_actions,
        export_session,
        export_all,
        sessions_file,
        import_session,
        sessions_imported,
        session_import_failed,
        /// While a session file is read: `{done}` of `{n}` sessions.
        session_import_reading,
        /// While an imported file's sessions are saved: `{done}` of `{n}`.
        session_import_saving,
        session_file_unreadable,
        session_file_empty,
        session_file_json,
        session_file_member,
        session_file_newer,
        session_file_index,
        share_link,
        share_link_label,
        share_link_note,
        share_too_long,
        share_failed,
        copy,
        copied,
        copy_failed,
        shared_banner,
        save_shared,
        discard_shared,
        link_failed,
        link_error_too_long,
        link_error_too_large,
        link_error_character,
        link_error_cut,
        link_error_damaged,
        link_error_session,
        embed,
        embed_heading,
        embed_panel,
        embed_code,
        embed_note,
        embed_close,
        embed_open,
        embed_frame_title,
        // The funnel example's stage names, in the order of core::funnel::SEED
        funnel_stage_exposed,
        funnel_stage_saw,
        funnel_stage_engaged,
        funnel_stage_contacted,
        funnel_stage_bought,
        // Formulas written partly in words (core::figure::words)
        formula_funnel_stage,
        formula_funnel_overall,
        formula_doubling,
        formula_doubling_test,
        formula_convert_down,
        formula_convert_up,
        formula_winback_low,
        formula_winback_high,
        formula_spread,
    }
}

/// English.
pub static EN: Strings = Strings {
    number_style: NumberStyle::ENGLISH,
    import: &EN_IMPORT,
    charts: &EN_CHARTS,
    sbg: &EN_SBG,
    clv: &EN_CLV,
    app_title: "Retention Lab",
    app_tagline: "Churn, retention and Return on Relationship, with the working shown.",
    skip_to_calculators: "Skip to the calculator",
    privacy: "Your data never leaves your browser: every figure is computed on this page.",
    crash_notice: "Something went wrong and the calculator stopped. Please reload the page.",
    language_label: "Language",
    latin_digits: "Latin digits (0123456789)",
    language_failed: "That language could not be loaded ({error}), so the page stays as it was.",
    optional: "optional, empty means 0",
    presets: "Examples",
    clear: "Clear",
    undefined_mark: "\u{2014}",
    source_label: "Source",
    nav_label: "Calculators",
    nav_menu: "Calculators",
    group_relationship: "Relationship",
    group_churn: "Churn and growth",
    group_data: "Your data",
    group_revenue: "Revenue",
    group_forecasts: "Forecasts",
    nav_ror: "ROR",
    nav_period: "One period",
    nav_data: "Import, flows and cohorts",
    nav_compounding: "Retention compounding",
    nav_forecast: "Retention forecast",
    nav_ltv: "Lifetime value",
    nav_conversion: "Churn conversion",
    nav_winback: "Win-back",
    nav_funnel: "Funnel",
    nav_revenue: "Revenue retention",
    nav_customers: "Customer value",
    next_link: "Next: {calculator}",
    unknown_route: "No calculator has the address \u{201C}#/{route}\u{201D}, so the page shows {calculator}.",
    calculator_loading: "Loading {calculator}\u{2026}",
    calculator_unfetched: "{calculator} could not be loaded: the page could not fetch its code. Check the connection, then try again.",
    calculator_retry: "Try again",

    ror_heading: "Return on Relationship (ROR)",
    ror_intro: "How many of the customers you helped came back to buy again or sent you someone.",
    total_customers: "Total customers",
    helped_customers: "Helped in the last 12 months",
    repeat_customers: "Repeat or referral customers",
    ror_seed_preset: "Seed example",
    ror_legend: "T = total customers, H = helped in the last 12 months, R = repeat or referral customers among them.",
    ror_seed_print_note: "The article prints 2.87, but 1,000 / 350 = 2.857…: a rounding slip.",
    ror_direction_note: "Which way is better? The seed says a higher ROR means stronger relationships, yet H / R falls as more helped customers return. The repeat share R / H is the reading that rises with loyalty.",
    ror_rubin_note: "Ted Rubin, who coined ROR, says there is no single formula for it.",

    period_heading: "One period: churn, retention and growth",
    period_intro: "Customer counts for one month, quarter or year.",
    customers_at_start: "Customers at start",
    new_customers: "New customers",
    lost_customers: "Lost customers",
    returning_customers: "Returning customers",
    joined_and_left: "Joined and left",
    returning_hint: "Former customers who came back; optional, empty means 0.",
    joined_left_hint: "New customers who left again before the end; optional, empty means 0.",
    telecom_preset: "Telecom quarter",
    variants_preset: "Churn definitions example",
    period_legend: "S = customers at start, N = new, L = lost (of the S), Ret = returning, J = joined and left, E = customers at end.",
    churn_definition: "Churn definition used for the headline figure",
    churn_variants_heading: "Churn by definition",
    interval_caption: "Wilson 95% interval",
    interval_other_definition: "The 95% interval is shown for the start definition only: the other definitions count new customers who left, which are not a sample of the customers at start.",

    show_working: "Show the working",
    large_type: "Large type",
    step_formula: "Formula",
    step_numbers: "With your numbers",
    step_result: "Result",

    projection_heading: "Retention compounding",
    projection_intro: "Two businesses win the same share of new customers; the one that keeps more of its customers pulls ahead every year.",
    starting_customers: "Starting customers",
    horizon: "Horizon",
    retention_pct: "Retention (%)",
    acquisition_pct: "Acquisition (%)",
    scenario_name: "Scenario name",
    scenario_default_name: "Scenario {n}",
    scenario_keeps: "Keeps {rate}",
    add_scenario: "Add scenario",
    remove_scenario: "Remove",
    duplicate_scenario: "Duplicate",
    seed_projection_preset: "Seed: 90% vs 80% with +20%",
    reichheld_preset: "Reichheld: 95% vs 90% with +10% over 14 years",
    mode_legend: "How new customers are added",
    mode_proportional: "In proportion to the current base (seed)",
    mode_fixed: "A fixed number each period (a × C0)",
    mode_proportional_help: "Each period the base keeps r of its customers and wins a share a of its current size, so growth compounds: C(t) = C(t−1) × (r + a).",
    mode_fixed_help: "Each period the base keeps r of its customers and wins the same number, a × C0, so it levels off where losses equal the adds: C(t) = r × C(t−1) + a × C0.",
    unit_legend: "Periods in",
    per_period_hint: "Retention and acquisition are per {unit}.",
    horizon_rounded: "{months} months is not a whole number of years: the horizon was rounded to {years} years.",
    projection_table_caption: "Customers per period, as a multiple of the starting base",
    scenario_label: "Scenario",
    unit_years: "years",
    unit_months: "months",
    unit_quarters: "quarters",
    unit_year: "year",
    unit_month: "month",
    unit_quarter: "quarter",
    never: "never",
    never_levels_off: "never, levels off at {value}",
    no_plateau: "none: grows by a × C0 each period",

    ltv_heading: "Lifetime value",
    ltv_intro: "What a customer is worth over the whole relationship, three ways.",
    revenue_label: "Revenue per customer per period",
    years_label: "Years as a customer",
    margin_label: "Gross margin (%)",
    ltv_churn_label: "Churn per period (%)",
    discount_label: "Discount rate per period (%)",
    ltv_preset: "Seed: 100 a year, 20% churn",
    currency_label: "Currency",
    currency_none: "No symbol",
    ltv_unit_label: "Period of revenue, churn and discount",
    unit_option_months: "Month",
    unit_option_quarters: "Quarter",
    unit_option_years: "Year",
    ltv_note: "Value from churn assumes constant churn and payment at the start of each period; the discounted value equals it at a 0% discount rate.",
    conversion_heading: "Churn per month, quarter and year",
    conversion_intro: "A monthly churn rate does not multiply by 12: it compounds.",
    conversion_churn_label: "Churn rate (%)",
    conversion_unit_label: "Churn measured per",
    conversion_preset: "Seed: 5% a month",
    conversion_note: "5% a month is 45.96% a year, not 60%: each month’s 5% is taken from fewer customers.",
    winback_heading: "Win-back what-if",
    winback_intro: "25% to 60% of dormant customers respond to a win-back effort (seed 003).",
    dormant_label: "Dormant customers",
    winback_preset: "Seed: 1,000 dormant",
    funnel_heading: "Funnel conversion",
    revenue_heading: "Revenue retention",
    revenue_intro: "What the revenue of the customers you had at the start of a period became: kept, grown, shrunk or lost.",
    revenue_data_heading: "Revenue of your data",
    revenue_data_intro: "From the amounts of the file imported in the data view, by {period}: the period chosen there.",
    revenue_data_none: "Import a file with an amount column to see its revenue per period here.",
    revenue_data_link: "Go to your data",
    revenue_from_data_link: "See its revenue retention: GRR, NRR, expansion, contraction and ARPU",
    revenue_calc_heading: "One period, typed",
    revenue_start_label: "Revenue at start",
    expansion_label: "Expansion",
    contraction_label: "Contraction",
    churned_revenue_label: "Churned revenue",
    new_revenue_label: "New revenue",
    new_revenue_hint: "From new and returning customers.",
    revenue_preset: "SaaS month",
    revenue_symbols: "R0 is the revenue at start; E expansion and C contraction, from customers kept; L the revenue of the customers lost; N new revenue.",
    revenue_note: "GRR counts only what the customers at the start kept, so it is at most 100%; NRR adds what they spent more. Neither counts new revenue, which only the revenue at end includes.",
    fig_grr: "Gross revenue retention (GRR)",
    fig_nrr: "Net revenue retention (NRR)",
    fig_revenue_churn: "Revenue churn",
    fig_revenue_end: "Revenue at end",
    fig_arpu: "Average revenue per customer (ARPU)",
    funnel_intro: "Stage counts from first contact to purchase (seed 004).",
    stage_name_label: "Stage name",
    stage_count_label: "Customers at this stage",
    add_stage: "Add stage",
    remove_stage: "Remove stage",
    funnel_preset: "Seed: exposed to bought",
    stage_default_name: "Stage {n}",
    fig_ltv_seed: "Lifetime value, revenue × years (seed)",
    fig_lifetime: "Expected lifetime",
    fig_ltv_from_churn: "Value from churn",
    fig_ltv_discounted: "Discounted value",
    fig_churn_monthly: "Monthly churn",
    fig_churn_quarterly: "Quarterly churn",
    fig_churn_annual: "Annual churn",
    fig_winback_low: "Recovered, low (25%)",
    fig_winback_high: "Recovered, high (60%)",
    fig_funnel_stage: "{from} → {to}",
    fig_funnel_overall: "Overall conversion",
    src_reichheld: "Reichheld, The Loyalty Effect (1996)",
    src_winback: "the seed articles (25% to 60% of dormant customers respond)",
    src_compounding: "compounding at a constant churn rate",
    err_stage_grows: "“{stage}” cannot have more customers than the stage before it, “{previous}” ({value}).",
    fig_ror: "ROR (as the seeds compute it)",
    fig_repeat_share: "Repeat share of helped",
    fig_jackson_ror: "Dean Jackson's ROR",
    fig_end: "Customers at end",
    fig_churn: "Churn rate",
    fig_churn_low: "Churn, 95% interval low",
    fig_churn_high: "Churn, 95% interval high",
    fig_retention: "Retention rate",
    fig_gross_acquisition: "Gross acquisition rate",
    fig_net_growth: "Net growth rate",
    fig_churn_start: "Start (default)",
    fig_churn_start_new: "Start plus new (Stripe)",
    fig_churn_average: "Average customers",
    fig_churn_spread: "Spread",
    points_suffix: " pp",
    fig_projection_multiplier: "Multiplier after the horizon",
    fig_projection_end: "Customers at the end",
    fig_projection_growth: "Growth per period",
    fig_projection_doubling: "Doubling time",
    fig_projection_plateau: "Levels off at",

    src_seed: "the seed articles",
    src_dean_jackson: "Dean Jackson",
    src_stripe: "Stripe's churn definition",
    src_wilson: "Wilson score interval (1927), z = 1.96",
    src_arithmetic: "arithmetic on your numbers",
    src_textbook: "common textbook definition",

    err_empty: "Enter a whole number, such as 1,000.",
    err_unexpected: "“{found}” (character {position}) is not a digit. Enter a whole number, such as 1,000.",
    err_grouping: "The separator at character {position} is out of place: group digits in threes, such as 1,000,000.",
    err_negative: "Must be 0 or more: a count of customers cannot be negative.",
    err_fraction: "Enter a whole number of customers, without a decimal part.",
    err_too_large: "This number is too large.",
    err_ambiguous: "This reads as {first} or {second}: write it so that only one reading is possible.",
    err_exceeds: "Cannot be more than “{limit}” ({value}).",
    err_sum_exceeds: "With “{other}” this is {sum}, more than “{limit}” ({value}), which both come out of.",
    err_range: "Must be between {min} and {max}.",
    err_at_least: "Must be {min} or more.",

    why_needs_field: "Needs a valid “{field}”.",
    why_zero_field: "Undefined because “{field}” is 0.",
    why_zero_sum: "Undefined because the denominator is 0.",
    why_needs_others: "Needs the figures it is built from.",
    session_default_name: "My session",
    session_file: "session",
    session_damaged_file: "damaged data",
    storage_unavailable: "This browser does not let the page save (a private window, or storage turned off): your inputs stay while the page is open. Download them to keep them.",
    storage_full: "The browser's storage is full, so the latest changes are not saved; they stay while the page is open. Download the session to keep it.",
    storage_damaged: "Saved data could not be read, so the page started a new session. The damaged data is still kept in this browser; download it to look at it.",
    storage_newer: "This session was saved by a newer version of Retention Lab (data version {version}). It is shown as far as this version can read it, and changes made here are not saved, so the newer data stays as it was.",
    download_session: "Download the session",
    download_damaged: "Download the damaged data",
    storage_conflict_question: "This session was changed in another tab since this page saved it. Save this page's inputs over those changes? (Cancel keeps the other tab's version; your inputs stay on this page.)",
    storage_changed_elsewhere: "Not saved: this session was changed in another tab, and that version was kept. Your inputs stay on this page; download them to keep them, or reload to see the other tab's.",
    storage_refused: "The browser refused to save the latest changes (storage was turned off or taken away while the page was open); they stay while the page is open. Download the session to keep it.",
    storage_damaged_kept: "Saved data could not be read, so it was set aside; the open session is as it was. The damaged data is still kept in this browser; download it to look at it.",
    storage_not_saved: "Changes to the sessions marked “not saved” in the list are kept only while the page is open. Download them to keep them.",
    download_not_saved: "Download the unsaved sessions",
    not_saved_file: "unsaved sessions",
    session_not_saved_badge: "not saved",
    session_unnamed: "Session without a name",
    save_now: "Save now",
    download_damaged_n: "Download damaged data {n}",
    restore_conflict_question: "Another tab saved “{name}” after it was deleted here. Put the deleted version back over that tab's changes? (Cancel keeps the other tab's version.)",
    session_import_full: "the browser's storage is full, so none of its sessions could be stored; the open session stays as it was.",
    session_import_refused: "the browser refused to store its sessions; the open session stays as it was.",
    session_heading: "Session",
    session_name: "Session name",
    new_session: "New session",
    duplicate_session: "Duplicate",
    duplicate_session_named: "Duplicate “{name}”",
    session_copy_name: "{name} (copy)",
    open_session: "Open",
    open_session_named: "Open “{name}”",
    delete_session: "Delete",
    delete_session_named: "Delete “{name}”",
    session_open_now: "Open now",
    session_newer_badge: "newer version, read-only",
    session_deleted: "Deleted “{name}”.",
    undo: "Undo",
    all_sessions: "All sessions ({n})",
    sessions_caption: "Sessions saved in this browser, last changed first",
    session_col_name: "Name",
    session_col_created: "Created",
    session_col_modified: "Last changed",
    session_col_actions: "Actions",
    export_session: "Export session",
    export_all: "Export all sessions",
    sessions_file: "sessions",
    import_session: "Import a session file",
    sessions_imported: "Sessions imported: {n}. Each is a new session; the first one is open.",
    session_import_failed: "“{file}” was not imported: {error}",
    session_import_reading: "Reading the file’s sessions: {done} of {n}",
    session_import_saving: "Saving the imported sessions: {done} of {n}",
    session_file_unreadable: "the file could not be read as text.",
    session_file_empty: "the file holds no sessions.",
    session_file_json: "line {line}, column {column}: this is not the JSON of a session file.",
    session_file_member: "“{member}” is missing or is not what a session file holds there.",
    session_file_newer: "it was written by a newer version of Retention Lab (data version {version}); this version reads up to version {known}.",
    session_file_index: "session {n} in the file: {error}",
    share_link: "Share link",
    share_link_label: "Link to these inputs",
    share_link_note: "Anyone who opens the link sees these inputs and can save them as a session of their own. The inputs are in the part of the address after “#”, which browsers never send to a server.",
    share_too_long: "The link would be {length} characters long, more than the {limit} that links can safely carry. Export the session as a file and send that instead.",
    share_failed: "This browser cannot compress the link. Export the session as a file and send that instead.",
    copy: "Copy",
    copied: "Copied.",
    copy_failed: "The browser did not allow copying: select the text and copy it.",
    shared_banner: "These inputs come from a share link. They are not saved in this browser until you save them.",
    save_shared: "Save as a new session",
    discard_shared: "Back to my session",
    link_failed: "This share link could not be opened: {error}. Ask for the link again, or for the session file.",
    link_error_too_long: "it is {length} characters long, far more than the {max} of any link this page makes",
    link_error_too_large: "its data unpacks to more than 1 MB, far more than any shared session holds",
    link_error_character: "character {position} (“{found}”) cannot be part of a link",
    link_error_cut: "the link is cut short",
    link_error_damaged: "its data is damaged",
    link_error_session: "it does not hold a session",
    embed: "Embed",
    embed_heading: "Embed a calculator",
    embed_panel: "Calculator",
    embed_code: "Code to paste into your page",
    embed_note: "The calculator opens with the inputs it has now. Visitors can change them; nothing they type is saved or sent anywhere.",
    embed_close: "Close",
    embed_open: "Open in Retention Lab",
    embed_frame_title: "Retention Lab: {panel}",
    funnel_stage_exposed: "Exposed",
    funnel_stage_saw: "Saw",
    funnel_stage_engaged: "Engaged",
    funnel_stage_contacted: "Contacted",
    funnel_stage_bought: "Bought",
    formula_funnel_stage: "stage / previous stage",
    formula_funnel_overall: "last / first",
    formula_doubling: "first n with C(n) ≥ 2 C0; only when a > 2 (1 − r)",
    formula_doubling_test: "vs",
    formula_convert_down: "1 − (1 − c)^k, k = periods in the longer one",
    formula_convert_up: "1 − (1 − c)^(1/k), k = periods in the longer one",
    formula_winback_low: "dormant × 25%",
    formula_winback_high: "dormant × 60%",
    formula_spread: "max − min",
};

/// The name of a downloaded file, without its extension: `retention-lab` and then each word
/// of `words` (in the page's language) after a `-`, spaces inside a word written as `-` too:
/// `retention-lab-cohort-counts-month`. The prefix stays ASCII so the files sort together.
pub fn file_name(words: &[&str]) -> String {
    let mut out = String::from("retention-lab");
    for part in words.iter().flat_map(|w| w.split_whitespace()) {
        out.push('-');
        out.push_str(part);
    }
    out
}

/// Replaces each `{key}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

impl Strings {
    /// A calculator's heading, which names it in the embed dialog and titles its frame.
    pub fn panel_heading(&self, panel: Panel) -> &'static str {
        match panel {
            Panel::Ror => self.ror_heading,
            Panel::Period => self.period_heading,
            Panel::Data => self.import.heading,
            Panel::Projection => self.projection_heading,
            Panel::Sbg => self.sbg.heading,
            Panel::Ltv => self.ltv_heading,
            Panel::Conversion => self.conversion_heading,
            Panel::Winback => self.winback_heading,
            Panel::Funnel => self.funnel_heading,
            Panel::Revenue => self.revenue_heading,
            Panel::Customers => self.clv.heading,
        }
    }

    /// The calculator's short name: the navigation's link and the document's title.
    pub fn nav_name(&self, panel: Panel) -> &'static str {
        match panel {
            Panel::Ror => self.nav_ror,
            Panel::Period => self.nav_period,
            Panel::Data => self.nav_data,
            Panel::Projection => self.nav_compounding,
            Panel::Sbg => self.nav_forecast,
            Panel::Ltv => self.nav_ltv,
            Panel::Conversion => self.nav_conversion,
            Panel::Winback => self.nav_winback,
            Panel::Funnel => self.nav_funnel,
            Panel::Revenue => self.nav_revenue,
            Panel::Customers => self.nav_customers,
        }
    }

    /// The name of a group of the navigation.
    pub fn group_name(&self, group: Group) -> &'static str {
        match group {
            Group::Relationship => self.group_relationship,
            Group::Churn => self.group_churn,
            Group::Data => self.group_data,
            Group::Revenue => self.group_revenue,
            Group::Forecasts => self.group_forecasts,
        }
    }

    /// The label of an input field.
    pub fn field(&self, field: Field) -> &'static str {
        match field {
            Field::Total => self.total_customers,
            Field::Helped => self.helped_customers,
            Field::Repeat => self.repeat_customers,
            Field::Start => self.customers_at_start,
            Field::New => self.new_customers,
            Field::Lost => self.lost_customers,
            Field::Returning => self.returning_customers,
            Field::JoinedLeft => self.joined_and_left,
            Field::ProjectionStart => self.starting_customers,
            Field::Horizon => self.horizon,
            Field::Retention(_) => self.retention_pct,
            Field::Acquisition(_) => self.acquisition_pct,
            Field::Revenue => self.revenue_label,
            Field::Years => self.years_label,
            Field::Margin => self.margin_label,
            Field::LtvChurn => self.ltv_churn_label,
            Field::Discount => self.discount_label,
            Field::ConvertChurn => self.conversion_churn_label,
            Field::Dormant => self.dormant_label,
            Field::StageCount(_) => self.stage_count_label,
            Field::RevenueStart => self.revenue_start_label,
            Field::Expansion => self.expansion_label,
            Field::Contraction => self.contraction_label,
            Field::ChurnedRevenue => self.churned_revenue_label,
            Field::NewRevenue => self.new_revenue_label,
        }
    }

    /// The name of a figure.
    pub fn figure(&self, id: FigureId) -> &'static str {
        match id {
            FigureId::Ror => self.fig_ror,
            FigureId::RepeatShare => self.fig_repeat_share,
            FigureId::JacksonRor => self.fig_jackson_ror,
            FigureId::End => self.fig_end,
            FigureId::Churn => self.fig_churn,
            FigureId::ChurnStart => self.fig_churn_start,
            FigureId::ChurnLow => self.fig_churn_low,
            FigureId::ChurnHigh => self.fig_churn_high,
            FigureId::ChurnStartNew => self.fig_churn_start_new,
            FigureId::ChurnAverage => self.fig_churn_average,
            FigureId::ChurnSpread => self.fig_churn_spread,
            FigureId::Retention => self.fig_retention,
            FigureId::GrossAcquisition => self.fig_gross_acquisition,
            FigureId::NetGrowth => self.fig_net_growth,
            FigureId::ProjectionMultiplier(_) => self.fig_projection_multiplier,
            FigureId::ProjectionEnd(_) => self.fig_projection_end,
            FigureId::ProjectionGrowth(_) => self.fig_projection_growth,
            FigureId::ProjectionDoubling(_) => self.fig_projection_doubling,
            FigureId::ProjectionPlateau(_) => self.fig_projection_plateau,
            FigureId::LtvSeed => self.fig_ltv_seed,
            FigureId::Lifetime => self.fig_lifetime,
            FigureId::LtvFromChurn => self.fig_ltv_from_churn,
            FigureId::LtvDiscounted => self.fig_ltv_discounted,
            FigureId::ChurnMonthly => self.fig_churn_monthly,
            FigureId::ChurnQuarterly => self.fig_churn_quarterly,
            FigureId::ChurnAnnual => self.fig_churn_annual,
            FigureId::WinbackLow => self.fig_winback_low,
            FigureId::WinbackHigh => self.fig_winback_high,
            FigureId::FunnelStage(_) => self.fig_funnel_stage,
            FigureId::FunnelOverall => self.fig_funnel_overall,
            FigureId::Grr => self.fig_grr,
            FigureId::Nrr => self.fig_nrr,
            FigureId::RevenueChurn => self.fig_revenue_churn,
            FigureId::RevenueEnd => self.fig_revenue_end,
            FigureId::Arpu => self.fig_arpu,
        }
    }

    /// The name of a churn definition, as the switch shows it.
    pub fn definition(&self, definition: ChurnDefinition) -> &'static str {
        match definition {
            ChurnDefinition::Start => self.fig_churn_start,
            ChurnDefinition::StartPlusNew => self.fig_churn_start_new,
            ChurnDefinition::Average => self.fig_churn_average,
        }
    }

    /// Where a formula comes from.
    pub fn source(&self, source: Source) -> &'static str {
        match source {
            Source::Seed => self.src_seed,
            Source::DeanJackson => self.src_dean_jackson,
            Source::Stripe => self.src_stripe,
            Source::Wilson => self.src_wilson,
            Source::Arithmetic => self.src_arithmetic,
            Source::Textbook => self.src_textbook,
            Source::Reichheld => self.src_reichheld,
            Source::WinbackSeed => self.src_winback,
            Source::Compounding => self.src_compounding,
        }
    }

    /// A value as the display rules write it in this language.
    pub fn value(&self, value: Value) -> String {
        let style = &self.number_style;
        match value {
            Value::Count(n) => style.count(n),
            Value::Percent { fraction, decimals } => style.percent(fraction, decimals),
            Value::Ratio(x) => style.ratio(x),
            Value::Points(x) => format!("{}{}", style.fixed(x, 2), self.points_suffix),
            Value::Constant(x, decimals) => style.fixed(x, decimals),
            Value::Multiplier(x) => format!("{}x", style.ratio(x)),
            Value::Periods {
                count,
                decimals,
                unit,
            } => {
                let one = decimals == 0 && count == 1.0;
                format!("{} {}", style.fixed(count, decimals), self.unit(unit, one))
            }
            Value::Never => self.never.to_string(),
            Value::NeverLevelsOff(x) => fill(
                self.never_levels_off,
                &[("value", &format!("{}x", style.ratio(x)))],
            ),
            Value::NoPlateau => self.no_plateau.to_string(),
            Value::Money { amount, currency } => with_currency(style.fixed(amount, 2), currency),
            Value::Amount {
                value,
                decimals,
                currency,
            } => with_currency(style.money(value, decimals), currency),
        }
    }

    /// A preset's scenarios named after their retention in this language ("Keeps 90%"); the
    /// core names them in English.
    pub fn name_scenarios(&self, mut text: ProjectionText) -> ProjectionText {
        let st = &self.number_style;
        for s in &mut text.scenarios {
            if let Ok(r) = parse_decimal(&s.retention.text, st) {
                let rate = format!("{}{}", st.plain(r, 2), st.percent);
                s.name = fill(self.scenario_keeps, &[("rate", &rate)]);
            }
        }
        text
    }

    /// A period unit's name, singular or plural.
    pub fn unit(&self, unit: PeriodUnit, singular: bool) -> &'static str {
        match (unit, singular) {
            (PeriodUnit::Years, false) => self.unit_years,
            (PeriodUnit::Years, true) => self.unit_year,
            (PeriodUnit::Months, false) => self.unit_months,
            (PeriodUnit::Months, true) => self.unit_month,
            (PeriodUnit::Quarters, false) => self.unit_quarters,
            (PeriodUnit::Quarters, true) => self.unit_quarter,
        }
    }

    /// A substituted formula written out.
    pub fn terms(&self, terms: &[Term]) -> String {
        terms
            .iter()
            .map(|t| match t {
                Term::Num(v) => self.value(*v),
                // Constants in the operators ("1 + ", " − 100%") in the language's digits.
                Term::Op(op) => self.number_style.localize(self.in_words(op)),
            })
            .collect()
    }

    /// A formula (or a piece of working) that the core writes partly in words, in this
    /// language; any other is returned as it is.
    pub fn in_words(&self, text: &'static str) -> &'static str {
        use crate::core::figure::words as w;
        let table = [
            (w::FUNNEL_STAGE, self.formula_funnel_stage),
            (w::FUNNEL_OVERALL, self.formula_funnel_overall),
            (w::DOUBLING, self.formula_doubling),
            (w::DOUBLING_TEST, self.formula_doubling_test),
            (w::CONVERT_DOWN, self.formula_convert_down),
            (w::CONVERT_UP, self.formula_convert_up),
            (w::WINBACK_LOW, self.formula_winback_low),
            (w::WINBACK_HIGH, self.formula_winback_high),
            (w::SPREAD, self.formula_spread),
        ];
        table
            .into_iter()
            .find(|(english, _)| *english == text)
            .map_or(text, |(_, said)| said)
    }

    /// What is wrong with a field, in words.
    pub fn error(&self, error: &FieldError) -> String {
        match &error.kind {
            ErrorKind::Number(e) => self.number_error(e),
            ErrorKind::Exceeds { limit, limit_value } => fill(
                self.err_exceeds,
                &[
                    ("limit", self.field(*limit)),
                    ("value", &self.number_style.count(*limit_value as i64)),
                ],
            ),
            ErrorKind::SumExceeds {
                other,
                limit,
                sum,
                limit_value,
            } => {
                let decimals = sum.scale.max(limit_value.scale);
                fill(
                    self.err_sum_exceeds,
                    &[
                        ("other", self.field(*other)),
                        ("sum", &self.number_style.money(*sum, decimals)),
                        ("limit", self.field(*limit)),
                        ("value", &self.number_style.money(*limit_value, decimals)),
                    ],
                )
            }
            ErrorKind::StageGrows {
                stage,
                previous,
                previous_value,
            } => fill(
                self.err_stage_grows,
                &[
                    ("stage", stage),
                    ("previous", previous),
                    ("value", &self.number_style.count(*previous_value as i64)),
                ],
            ),
            ErrorKind::Range { min, max, percent } => {
                let bound = |v: i64| {
                    let n = self.number_style.count(v);
                    if *percent {
                        format!("{n}{}", self.number_style.percent)
                    } else {
                        n
                    }
                };
                match max {
                    Some(max) => fill(
                        self.err_range,
                        &[("min", &bound(*min)), ("max", &bound(*max))],
                    ),
                    None => fill(self.err_at_least, &[("min", &bound(*min))]),
                }
            }
        }
    }

    /// A number that does not read, in words.
    pub fn number_error_text(&self, error: &NumberError) -> String {
        self.number_error(error)
    }

    fn number_error(&self, error: &NumberError) -> String {
        let style = &self.number_style;
        match error {
            NumberError::Empty => self.err_empty.to_string(),
            NumberError::Unexpected { at, found } => fill(
                self.err_unexpected,
                &[
                    ("found", &found.to_string()),
                    ("position", &style.count(*at as i64 + 1)),
                ],
            ),
            NumberError::Grouping { at } => fill(
                self.err_grouping,
                &[("position", &style.count(*at as i64 + 1))],
            ),
            NumberError::Negative => self.err_negative.to_string(),
            NumberError::Fraction => self.err_fraction.to_string(),
            NumberError::TooLarge => self.err_too_large.to_string(),
            NumberError::Ambiguous { first, second } => fill(
                self.err_ambiguous,
                &[
                    ("first", &style.fixed(*first, 3)),
                    ("second", &style.fixed(*second, 3)),
                ],
            ),
        }
    }

    /// Why a figure shows no value, in words.
    pub fn undefined(&self, why: Undefined) -> String {
        match why {
            Undefined::NeedsField(f) => fill(self.why_needs_field, &[("field", self.field(f))]),
            Undefined::ZeroField(f) => fill(self.why_zero_field, &[("field", self.field(f))]),
            Undefined::ZeroSum => self.why_zero_sum.to_string(),
            Undefined::NeedsOthers => self.why_needs_others.to_string(),
        }
    }
}

/// An amount with the currency's symbol on its side.
fn with_currency(number: String, currency: Currency) -> String {
    match currency.symbol() {
        ("", _) => number,
        (symbol, true) => format!("{symbol}{number}"),
        (symbol, false) => format!("{number} {symbol}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        let e = FieldError {
            field: Field::Repeat,
            kind: ErrorKind::Exceeds {
                limit: Field::Helped,
                limit_value: 1000,
            },
        };
        assert_eq!(
            EN.error(&e),
            "Cannot be more than “Helped in the last 12 months” (1,000)."
        );
        let e = FieldError::number(Field::Total, NumberError::Unexpected { at: 2, found: 'x' });
        assert!(EN.error(&e).starts_with("“x” (character 3)"));
    }

    #[test]
    fn no_template_keeps_a_placeholder() {
        let samples = [
            EN.error(&FieldError::number(
                Field::Start,
                NumberError::Grouping { at: 0 },
            )),
            EN.error(&FieldError::number(
                Field::Start,
                NumberError::Ambiguous {
                    first: 1.0,
                    second: 1000.0,
                },
            )),
            EN.undefined(Undefined::ZeroField(Field::Start)),
            EN.undefined(Undefined::NeedsField(Field::Lost)),
        ];
        for s in samples {
            assert!(!s.contains('{'), "{s}");
        }
    }
}
