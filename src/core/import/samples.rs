//! Small built-in data sets, one per format, for "Load sample".

/// A built-in example file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sample {
    Transactions,
    TransactionsDayFirst,
    Counts,
    Series,
}

impl Sample {
    pub const ALL: [Sample; 4] = [
        Sample::Transactions,
        Sample::TransactionsDayFirst,
        Sample::Counts,
        Sample::Series,
    ];

    /// A stable key for the select element.
    pub fn key(self) -> &'static str {
        match self {
            Sample::Transactions => "orders",
            Sample::TransactionsDayFirst => "orders-day-first",
            Sample::Counts => "counts",
            Sample::Series => "series",
        }
    }

    /// The sample's CSV text.
    pub fn text(self) -> &'static str {
        match self {
            Sample::Transactions => ORDERS,
            Sample::TransactionsDayFirst => ORDERS_DAY_FIRST,
            Sample::Counts => COUNTS,
            Sample::Series => SERIES,
        }
    }
}

/// Eight customers over six months of 2024, with repeat orders, a customer who comes back
/// after a pause and one who buys twice in a month.
const ORDERS: &str = "customer_id,date,amount
C001,2024-01-03,120.00
C002,2024-01-09,35.50
C003,2024-01-17,80.00
C004,2024-01-28,42.00
C001,2024-02-02,120.00
C002,2024-02-11,35.50
C005,2024-02-14,64.90
C001,2024-03-04,120.00
C003,2024-03-08,80.00
C005,2024-03-15,64.90
C006,2024-03-21,210.00
C006,2024-03-29,15.00
C001,2024-04-01,120.00
C005,2024-04-12,64.90
C006,2024-04-19,210.00
C007,2024-04-25,99.00
C001,2024-05-06,120.00
C003,2024-05-13,80.00
C006,2024-05-20,210.00
C007,2024-05-27,99.00
C008,2024-05-30,45.00
C001,2024-06-03,120.00
C006,2024-06-10,210.00
C007,2024-06-17,99.00
C008,2024-06-30,45.00
";

/// The same kind of export as a spreadsheet in Europe or Vietnam writes it: semicolons,
/// day-first dates with times.
const ORDERS_DAY_FIRST: &str = "Customer;Order date
anh@example.com;05/01/2024 09:15
binh@example.com;12/01/2024 14:02
chi@example.com;20/01/2024 18:40
anh@example.com;03/02/2024 10:00
dung@example.com;14/02/2024 11:30
binh@example.com;01/03/2024 16:45
anh@example.com;09/03/2024 08:20
dung@example.com;22/03/2024 12:00
chi@example.com;30/03/2024 19:10
";

/// Six months of counts; start is given on the first row only.
const COUNTS: &str = "period,start,new,lost,returning
2024-01,1000,120,80,10
2024-02,,110,95,12
2024-03,,130,70,8
2024-04,,90,100,15
2024-05,,140,85,9
2024-06,,125,90,11
";

/// A year of customer counts, as a dashboard exports them.
const SERIES: &str = "period,customers
2024-01,1000
2024-02,1040
2024-03,1035
2024-04,1090
2024-05,1120
2024-06,1105
";
