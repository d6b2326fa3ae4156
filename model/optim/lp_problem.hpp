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

    /// Limits by work, not by time, so that an answer does not depend on how busy the machine
    /// is: simplex iterations of the relaxation, branch-and-bound nodes of a MIP (0: none).
    struct WorkLimit {
        int simplex_iterations = 0;
        int mip_nodes = 0;
    };
    /// A MIP's starting solution (value per column, index 0 unused): offered to branch and
    /// cut as soon as it asks for one, so its answer is never worse than this.
    void set_start(std::vector<double> values);

    /// Solves (simplex, then branch and cut when a column is integer). False when the work
    /// limit came first (the relaxation's iterations, or the nodes before any integer solution). Throws apreptis::Error when
    /// GLPK fails or the problem has no optimal solution.
    bool solve(WorkLimit limit);
    bool solve();
    double objective() const;
    double value(int column) const;
    /// For a MIP stopped by the work limit: false (the value is the best found, not proven).
    bool proven_optimal() const { return m_proven; }
    /// A MIP's proven bound on the optimum: the objective when proven optimal, else the best
    /// bound among the open nodes when branch and cut stopped (tighter than the relaxation).
    double best_bound() const { return m_best_bound; }
    std::size_t mip_nodes() const { return m_nodes; }
    std::size_t columns() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    bool m_mip = false;
    bool m_proven = true;
    std::vector<double> m_start;
    double m_best_bound = 0;
    std::size_t m_nodes = 0;
};

} // namespace apreptis::model
