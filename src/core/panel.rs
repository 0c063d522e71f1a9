//! The calculators the page shows, each with the names the rest of the code knows it by: its
//! key (in sessions, in embed links and in its `data-testid`), its route (the address that
//! opens it) and whether it can be embedded alone. Its heading, in the reader's language, is
//! [`crate::i18n::Strings::panel_heading`].

/// One calculator of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    Ror,
    Period,
    Data,
    Projection,
    Sbg,
    Ltv,
    Conversion,
    Winback,
    Funnel,
    Revenue,
    Customers,
}

impl Panel {
    /// Every calculator, in the page's order.
    pub const ALL: [Panel; 11] = [
        Panel::Ror,
        Panel::Period,
        Panel::Data,
        Panel::Projection,
        Panel::Sbg,
        Panel::Ltv,
        Panel::Conversion,
        Panel::Winback,
        Panel::Funnel,
        Panel::Revenue,
        Panel::Customers,
    ];

    /// Its key: the member that holds its inputs in a session, its name in an embed link
    /// (`#embed=<key>`) and the prefix of its `data-testid` (`<key>-panel`). Stored sessions
    /// and published embed links use these, so they never change.
    pub const fn key(self) -> &'static str {
        match self {
            Panel::Ror => "ror",
            Panel::Period => "period",
            Panel::Data => "data",
            Panel::Projection => "projection",
            Panel::Sbg => "sbg",
            Panel::Ltv => "ltv",
            Panel::Conversion => "conversion",
            Panel::Winback => "winback",
            Panel::Funnel => "funnel",
            Panel::Revenue => "revenue",
            Panel::Customers => "customers",
        }
    }

    /// Its route: the address `#/<route>` that opens it.
    pub const fn route(self) -> &'static str {
        match self {
            Panel::Ror => "ror",
            Panel::Period => "period",
            Panel::Data => "data",
            Panel::Projection => "compounding",
            Panel::Sbg => "forecast",
            Panel::Ltv => "ltv",
            Panel::Conversion => "conversion",
            Panel::Winback => "winback",
            Panel::Funnel => "funnel",
            Panel::Revenue => "revenue",
            Panel::Customers => "customers",
        }
    }

    /// Whether it can be shown alone in another page. The data panel needs a file, so it
    /// cannot.
    pub const fn embeddable(self) -> bool {
        !matches!(self, Panel::Data)
    }

    /// The calculators that can be embedded, in the page's order.
    pub fn embeddable_ones() -> impl Iterator<Item = Panel> {
        Panel::ALL.into_iter().filter(|p| p.embeddable())
    }

    /// The calculator whose key is `key`.
    pub fn from_key(key: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The calculator that can be embedded whose key is `key`.
    pub fn embeddable_by_key(key: &str) -> Option<Panel> {
        Panel::from_key(key).filter(|p| p.embeddable())
    }

    /// The calculator whose route is `route`.
    pub fn from_route(route: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.route() == route)
    }

    /// The group the navigation lists it under.
    pub const fn group(self) -> Group {
        match self {
            Panel::Ror => Group::Relationship,
            Panel::Period | Panel::Conversion | Panel::Winback | Panel::Funnel => Group::Churn,
            Panel::Data | Panel::Customers => Group::Data,
            Panel::Projection | Panel::Sbg | Panel::Ltv => Group::Forecasts,
            Panel::Revenue => Group::Revenue,
        }
    }

    /// The calculator its "next" link leads to, in the order the source articles tell the
    /// story: a relationship's return, one period's churn, what retention compounds to, what
    /// a customer is worth, churn over other periods, winning customers back, the funnel that
    /// brings them, then the user's own data, what its revenue kept, the forecast fitted
    /// to it and what each of its customers is worth, and round again.
    pub const fn next(self) -> Panel {
        match self {
            Panel::Ror => Panel::Period,
            Panel::Period => Panel::Projection,
            Panel::Projection => Panel::Ltv,
            Panel::Ltv => Panel::Conversion,
            Panel::Conversion => Panel::Winback,
            Panel::Winback => Panel::Funnel,
            Panel::Funnel => Panel::Data,
            Panel::Data => Panel::Revenue,
            Panel::Revenue => Panel::Sbg,
            Panel::Sbg => Panel::Customers,
            Panel::Customers => Panel::Ror,
        }
    }
}

/// What a user comes for: the navigation's groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    Relationship,
    Churn,
    Data,
    Revenue,
    Forecasts,
}

impl Group {
    /// Every group, in the navigation's order.
    pub const ALL: [Group; 5] = [
        Group::Relationship,
        Group::Churn,
        Group::Data,
        Group::Revenue,
        Group::Forecasts,
    ];

    /// Its calculators, in the navigation's order.
    pub fn panels(self) -> impl Iterator<Item = Panel> {
        NAVIGATION.into_iter().filter(move |p| p.group() == self)
    }
}

/// Every calculator in the navigation's order, group by group.
const NAVIGATION: [Panel; 11] = [
    Panel::Ror,
    Panel::Period,
    Panel::Conversion,
    Panel::Winback,
    Panel::Funnel,
    Panel::Data,
    Panel::Customers,
    Panel::Revenue,
    Panel::Projection,
    Panel::Sbg,
    Panel::Ltv,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_routes_are_distinct_and_read_back() {
        for (i, a) in Panel::ALL.iter().enumerate() {
            assert_eq!(Panel::from_key(a.key()), Some(*a));
            assert_eq!(Panel::from_route(a.route()), Some(*a));
            for b in &Panel::ALL[i + 1..] {
                assert_ne!(a.key(), b.key());
                assert_ne!(a.route(), b.route());
            }
        }
    }

    #[test]
    fn the_navigation_lists_every_calculator_once_in_its_group() {
        let listed: Vec<Panel> = Group::ALL.into_iter().flat_map(Group::panels).collect();
        assert_eq!(listed.len(), Panel::ALL.len());
        for p in Panel::ALL {
            assert_eq!(listed.iter().filter(|&&q| q == p).count(), 1, "{p:?}");
        }
        let churn: Vec<&str> = Group::Churn.panels().map(Panel::route).collect();
        assert_eq!(churn, ["period", "conversion", "winback", "funnel"]);
        let forecasts: Vec<&str> = Group::Forecasts.panels().map(Panel::route).collect();
        assert_eq!(forecasts, ["compounding", "forecast", "ltv"]);
    }

    /// Following "next" from ROR walks through every calculator once and comes back.
    #[test]
    fn next_links_walk_the_story_through_every_calculator() {
        let mut walk = vec![Panel::Ror];
        while walk.len() <= Panel::ALL.len() {
            walk.push(walk.last().unwrap().next());
        }
        let routes: Vec<&str> = walk.iter().map(|p| p.route()).collect();
        assert_eq!(
            routes,
            [
                "ror",
                "period",
                "compounding",
                "ltv",
                "conversion",
                "winback",
                "funnel",
                "data",
                "revenue",
                "forecast",
                "customers",
                "ror"
            ]
        );
    }

    /// The keys and routes that stored sessions, embed links and other pages' links rely on.
    #[test]
    fn published_names_stay_as_they_are() {
        let names: Vec<(&str, &str)> = Panel::ALL.iter().map(|p| (p.key(), p.route())).collect();
        assert_eq!(
            names,
            [
                ("ror", "ror"),
                ("period", "period"),
                ("data", "data"),
                ("projection", "compounding"),
                ("sbg", "forecast"),
                ("ltv", "ltv"),
                ("conversion", "conversion"),
                ("winback", "winback"),
                ("funnel", "funnel"),
                ("revenue", "revenue"),
                ("customers", "customers"),
            ]
        );
        let embeddable: Vec<&str> = Panel::embeddable_ones().map(Panel::key).collect();
        assert_eq!(Panel::embeddable_by_key("data"), None);
        assert_eq!(Panel::embeddable_by_key("sbg"), Some(Panel::Sbg));
        assert_eq!(
            embeddable,
            [
                "ror",
                "period",
                "projection",
                "sbg",
                "ltv",
                "conversion",
                "winback",
                "funnel",
                "revenue",
                "customers"
            ]
        );
    }
}
