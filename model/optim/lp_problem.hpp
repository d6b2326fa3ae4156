#pragma once
// A linear (or mixed-integer) program, solved with GLPK (Debian libglpk-dev): the optimality
// bounds and exact solves of site selection, and the reference the allocation is tested
// against. The GLPK handle is wrapped here once; nothing else sees glpk.h.
#include <memory>
#include <string>
#include <vector>

namespace apreptis::model {

class LpProblem {
public:
    enum class Sense { minimise, maximise };
    explicit LpProblem(Sense sense);
    ~LpProblem();
    LpProblem(const LpProblem&) = delete;
    LpProblem& operator=(const LpProblem&) = delete;

    /// A column with bounds (use +-infinity for none) and objective coefficient; its index.
    int add_column(double lower, double upper, double objective, bool integer = false);
    /// A row lower <= sum(coef x) <= upper; its index.
    int add_row(const std::vector<std::pair<int, double>>& terms, double lower, double upper);

    /// Solves (simplex, then branch and cut when a column is integer). Throws apreptis::Error
    /// when GLPK fails or the problem has no optimal solution. time_limit_s <= 0: none.
    void solve(double time_limit_s = 0);
    double objective() const;
    double value(int column) const;
    /// For a MIP stopped by the time limit: false (the value is the best found, not proven).
    bool proven_optimal() const { return m_proven; }
    std::size_t columns() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    bool m_mip = false;
    bool m_proven = true;
};

} // namespace apreptis::model
