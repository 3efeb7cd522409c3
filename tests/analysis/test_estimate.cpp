// Back-of-the-envelope estimates (analysis/estimate.h) against figures worked out by hand.
#include "archlens/analysis/estimate.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace archlens;

namespace {

/// The URL shortener's numbers: 100 M users, 10 redirects and 0.1 new links a day each,
/// 500-byte links kept five years, peak three times the average.
EstimateInputs shortener() {
    EstimateInputs in;
    in.daily_users = 100e6;
    in.reads_per_user_per_day = 10;
    in.writes_per_user_per_day = 0.1;
    in.object_bytes = 500;
    in.retention_days = 1825;
    in.peak_factor = 3;
    return in;
}

const EstimateFigure& figure(const Estimates& e, const std::string& id) {
    const EstimateFigure* f = e.figure(id);
    INFO(id);
    REQUIRE(f);
    return *f;
}

} // namespace

TEST_CASE("estimates: reads and writes a second, average and peak", "[estimate]") {
    const Estimates e = estimate(shortener());
    REQUIRE(e.ok());
    REQUIRE(e.figures.size() == 10);
    // 100 M x 10 / 86 400 = 11 574.07...
    CHECK(figure(e, "reads_avg").value == Approx(11574.074).epsilon(1e-6));
    CHECK(figure(e, "reads_avg").formula == "100 M users × 10 reads / 86 400 s = 11.6 k/s");
    CHECK(figure(e, "reads_avg").unit == "req/s");
    CHECK(figure(e, "reads_peak").value == Approx(34722.22).epsilon(1e-6));
    CHECK(figure(e, "reads_peak").formula == "11.6 k/s × 3 peak = 34.7 k/s");
    // 100 M x 0.1 / 86 400 = 115.74; x 3 = 347.2
    CHECK(figure(e, "writes_avg").value == Approx(115.7407).epsilon(1e-6));
    CHECK(figure(e, "writes_avg").formula == "100 M users × 0.1 writes / 86 400 s = 116/s");
    CHECK(figure(e, "writes_peak").value == Approx(347.222).epsilon(1e-6));
    CHECK(figure(e, "reads_peak").inputs ==
          std::vector<std::string>{"daily_users", "reads_per_user_per_day", "peak_factor"});
}

TEST_CASE("estimates: storage, bandwidth and cache", "[estimate]") {
    const Estimates e = estimate(shortener());
    REQUIRE(e.ok());
    // A year: 100 M x 0.1 x 365 x 500 B = 1.825e12 B, one copy.
    CHECK(figure(e, "storage_year").value == Approx(1.825e12));
    CHECK(figure(e, "storage_year").formula ==
          "100 M users × 0.1 writes × 365 days × 500 B = 1.82 TB");
    // The retention, every replica: 100 M x 0.1 x 1825 x 500 x 3 = 2.7375e13 B.
    CHECK(figure(e, "storage_retention").value == Approx(2.7375e13));
    CHECK(figure(e, "storage_retention").formula ==
          "100 M users × 0.1 writes × 1 825 days × 500 B × 3 replicas = 27.4 TB");
    // Peak reads x 500 B = 17.36 MB/s; peak writes x 500 B = 173.6 kB/s.
    CHECK(figure(e, "read_bandwidth").value == Approx(34722.22 * 500).epsilon(1e-6));
    CHECK(figure(e, "read_bandwidth").formula == "34.7 k/s × 500 B = 17.4 MB/s");
    CHECK(figure(e, "write_bandwidth").value == Approx(347.222 * 500).epsilon(1e-6));
    // Cache: 0.2 x 1 G reads a day x 500 B = 100 GB, said to be an upper bound.
    CHECK(figure(e, "cache").value == Approx(1e11));
    CHECK(figure(e, "cache").formula.starts_with("0.2 hot × 1 G reads a day × 500 B = 100 GB"));
    CHECK(figure(e, "cache").formula.find("upper bound") != std::string::npos);
}

TEST_CASE("estimates: servers at peak, never fewer than two", "[estimate]") {
    const Estimates e = estimate(shortener());
    // (34 722.2 + 347.2) / 1000 = 35.07 -> 36
    CHECK(figure(e, "servers").value == 36);
    CHECK(figure(e, "servers")
              .formula.starts_with("(34.7 k/s + 347/s) / 1 000/s per server, rounded up = 36"));
    CHECK(figure(e, "servers").formula.find("so that one can fail") != std::string::npos);

    EstimateInputs small = shortener();
    small.daily_users = 1000; // 0.35 req/s at peak: one server would do, two are kept
    const Estimates s = estimate(small);
    CHECK(figure(s, "servers").value == 2);
    CHECK(figure(s, "servers").formula.find("raised to 2") != std::string::npos);

    EstimateInputs big = shortener();
    big.server_rps = 500;
    CHECK(figure(estimate(big), "servers").value == 71); // 35 069.4 / 500 = 70.14 -> 71
}

TEST_CASE("estimates: no writes means no write load and no storage", "[estimate]") {
    EstimateInputs in = shortener();
    in.writes_per_user_per_day = 0;
    const Estimates e = estimate(in);
    REQUIRE(e.ok());
    CHECK(figure(e, "writes_avg").value == 0);
    CHECK(figure(e, "writes_peak").value == 0);
    CHECK(figure(e, "storage_year").value == 0);
    CHECK(figure(e, "storage_retention").value == 0);
    CHECK(figure(e, "write_bandwidth").value == 0);
    CHECK(figure(e, "writes_avg").formula == "100 M users × 0 writes / 86 400 s = 0/s");
    CHECK(figure(e, "servers").value == 35); // 34 722.2 / 1000 -> 35
}

TEST_CASE("estimates: bad input is refused, naming the input", "[estimate]") {
    EstimateInputs in = shortener();
    in.daily_users = -5;
    in.reads_per_user_per_day = -1;
    in.peak_factor = 0.5;
    in.hot_fraction = 2;
    in.replication = std::nan("");
    const Estimates e = estimate(in);
    CHECK_FALSE(e.ok());
    CHECK(e.figures.empty());
    REQUIRE(e.problems.size() == 5);
    CHECK(e.problems[0].input == "daily_users");
    CHECK(e.problems[0].message == "daily_users must be above 0, got -5");
    CHECK(e.problems[1].input == "reads_per_user_per_day");
    CHECK(e.problems[1].message == "reads_per_user_per_day must be 0 or more, got -1");
    CHECK(e.problems[2].input == "peak_factor");
    CHECK(e.problems[3].input == "hot_fraction");
    CHECK(e.problems[3].message == "hot_fraction must be from 0 to 1, got 2");
    CHECK(e.problems[4].input == "replication");

    EstimateInputs zero = shortener();
    zero.object_bytes = 0;
    zero.server_rps = INFINITY;
    const auto problems = checkEstimateInputs(zero);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].input == "object_bytes");
    CHECK(problems[1].input == "server_rps");
}

TEST_CASE("estimates: a prompt's scale gives the inputs, with the default assumptions",
          "[estimate]") {
    PromptScale s;
    s.daily_users = 86400;
    s.reads_per_user_per_day = 10;
    s.writes_per_user_per_day = 2;
    s.object_bytes = 100;
    s.retention_days = 30;
    s.peak_factor = 3;
    const EstimateInputs in = estimateInputs(s);
    CHECK(in.daily_users == 86400);
    CHECK(in.retention_days == 30);
    CHECK(in.hot_fraction == 0.2);
    CHECK(in.server_rps == 1000);
    CHECK(in.replication == 3);
    const Estimates e = estimate(in);
    CHECK(figure(e, "reads_peak").value == Approx(s.peakReadRps()));
    CHECK(figure(e, "writes_peak").value == Approx(s.peakWriteRps()));
    CHECK(figure(e, "storage_retention").value == Approx(s.storedBytes() * 3));
}

TEST_CASE("estimates: numbers read with short SI suffixes", "[estimate]") {
    CHECK(siText(0) == "0");
    CHECK(siText(0.1) == "0.1");
    CHECK(siText(347.22) == "347");
    CHECK(siText(999.4) == "999");
    CHECK(siText(999.6) == "1 k");
    CHECK(siText(11574.07) == "11.6 k");
    CHECK(siText(100e6) == "100 M");
    CHECK(siText(2.7375e13) == "27.4 T");
    CHECK(siText(-1500) == "-1.5 k");
    CHECK(siText(NAN) == "—");
}
