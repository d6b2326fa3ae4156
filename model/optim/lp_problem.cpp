#include "model/optim/lp_problem.hpp"

#include <cmath>
#include <algorithm>
#include <limits>

#include <glpk.h>

#include "geo/errors.hpp"

namespace apreptis::model {

struct LpProblem::Impl {
    glp_prob* lp = nullptr;
    ~Impl() {
        if (lp) glp_delete_prob(lp);
    }
};

namespace {
int bound_type(double lo, double hi) {
    const bool has_lo = std::isfinite(lo), has_hi = std::isfinite(hi);
    if (has_lo && has_hi) return lo == hi ? GLP_FX : GLP_DB;
    if (has_lo) return GLP_LO;
    if (has_hi) return GLP_UP;
    return GLP_FR;
}
} // namespace

LpProblem::LpProblem(Sense sense) : m_impl(std::make_unique<Impl>()) {
    m_impl->lp = glp_create_prob();
    glp_set_obj_dir(m_impl->lp, sense == Sense::minimise ? GLP_MIN : GLP_MAX);
}

LpProblem::~LpProblem() = default;

int LpProblem::add_column(double lo, double hi, double objective, bool integer) {
    const int j = glp_add_cols(m_impl->lp, 1);
    glp_set_col_bnds(m_impl->lp, j, bound_type(lo, hi), std::isfinite(lo) ? lo : 0, std::isfinite(hi) ? hi : 0);
    glp_set_obj_coef(m_impl->lp, j, objective);
    if (integer) {
        glp_set_col_kind(m_impl->lp, j, GLP_IV);
        m_mip = true;
    }
    return j;
}

int LpProblem::add_row(const std::vector<std::pair<int, double>>& terms, double lo, double hi) {
    const int i = glp_add_rows(m_impl->lp, 1);
    glp_set_row_bnds(m_impl->lp, i, bound_type(lo, hi), std::isfinite(lo) ? lo : 0, std::isfinite(hi) ? hi : 0);
    std::vector<int> idx(terms.size() + 1);
    std::vector<double> val(terms.size() + 1);
    for (std::size_t k = 0; k < terms.size(); ++k) {
        idx[k + 1] = terms[k].first;
        val[k + 1] = terms[k].second;
    }
    glp_set_mat_row(m_impl->lp, i, static_cast<int>(terms.size()), idx.data(), val.data());
    return i;
}

std::size_t LpProblem::columns() const { return static_cast<std::size_t>(glp_get_num_cols(m_impl->lp)); }

void LpProblem::set_start(std::vector<double> values) { m_start = std::move(values); }

namespace {
/// Branch and cut's callback: offers the starting solution, counts nodes and stops at the
/// node limit, keeping the best bound of the open nodes at that moment.
struct TreeWatch {
    const std::vector<double>* start = nullptr;
    bool offered = false;
    int node_limit = 0;
    bool stopped = false;
    double bound = 0;
    int nodes = 0;
};

void watch_tree(glp_tree* tree, void* info) {
    auto& w = *static_cast<TreeWatch*>(info);
    if (glp_ios_reason(tree) == GLP_IHEUR && w.start && !w.offered) {
        w.offered = true;
        glp_ios_heur_sol(tree, w.start->data()); // rejected by GLPK if not better than its own
    }
    int active = 0, current = 0, total = 0;
    glp_ios_tree_size(tree, &active, &current, &total);
    w.nodes = total;
    // checked only between nodes, so that a node's heuristic solution has been offered
    if (glp_ios_reason(tree) == GLP_ISELECT && w.node_limit > 0 && total >= w.node_limit && !w.stopped) {
        w.stopped = true;
        const int best = glp_ios_best_node(tree);
        glp_prob* p = glp_ios_get_prob(tree);
        const double incumbent = glp_mip_status(p) == GLP_FEAS ? glp_mip_obj_val(p) : -INFINITY;
        w.bound = best ? std::max(glp_ios_node_bound(tree, best), incumbent) : incumbent;
        glp_ios_terminate(tree);
    }
}
} // namespace

bool LpProblem::solve() { return solve(WorkLimit{}); }

bool LpProblem::solve(WorkLimit limit) {
    glp_smcp sm;
    glp_init_smcp(&sm);
    sm.msg_lev = GLP_MSG_OFF;
    sm.presolve = GLP_ON;
    if (limit.simplex_iterations > 0) sm.it_lim = limit.simplex_iterations;
    const int rc = glp_simplex(m_impl->lp, &sm);
    if (rc == GLP_EITLIM) {
        m_proven = false;
        return false;
    }
    if (rc != 0) throw Error("GLPK simplex failed (code " + std::to_string(rc) + ")");
    if (glp_get_status(m_impl->lp) != GLP_OPT) throw Error("GLPK: the linear relaxation has no optimal solution");
    m_best_bound = glp_get_obj_val(m_impl->lp);
    if (!m_mip) return true;
    glp_iocp io;
    glp_init_iocp(&io);
    io.msg_lev = GLP_MSG_OFF;
    TreeWatch watch;
    watch.node_limit = limit.mip_nodes;
    if (m_start.size() == columns() + 1) watch.start = &m_start;
    io.cb_func = watch_tree;
    io.cb_info = &watch;
    const int mrc = glp_intopt(m_impl->lp, &io);
    if (mrc != 0 && mrc != GLP_ESTOP) throw Error("GLPK branch and cut failed (code " + std::to_string(mrc) + ")");
    m_nodes = static_cast<std::size_t>(watch.nodes);
    const int status = glp_mip_status(m_impl->lp);
    if (status != GLP_OPT && status != GLP_FEAS) {
        if (watch.stopped) { // stopped by the work limit before any integer solution: none to give
            m_proven = false;
            return false;
        }
        throw Error("GLPK: no integer solution found");
    }
    m_proven = status == GLP_OPT && !watch.stopped;
    m_best_bound = m_proven ? glp_mip_obj_val(m_impl->lp) : watch.bound;
    return true;
}

double LpProblem::objective() const {
    return m_mip ? glp_mip_obj_val(m_impl->lp) : glp_get_obj_val(m_impl->lp);
}

double LpProblem::value(int column) const {
    return m_mip ? glp_mip_col_val(m_impl->lp, column) : glp_get_col_prim(m_impl->lp, column);
}

} // namespace apreptis::model
