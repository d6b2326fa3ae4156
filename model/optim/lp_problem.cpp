#include "model/optim/lp_problem.hpp"

#include <cmath>
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

void LpProblem::solve(double time_limit_s) {
    glp_smcp sm;
    glp_init_smcp(&sm);
    sm.msg_lev = GLP_MSG_OFF;
    sm.presolve = GLP_ON;
    if (time_limit_s > 0) sm.tm_lim = static_cast<int>(time_limit_s * 1000);
    const int rc = glp_simplex(m_impl->lp, &sm);
    if (rc != 0 && rc != GLP_ETMLIM) throw Error("GLPK simplex failed (code " + std::to_string(rc) + ")");
    if (glp_get_status(m_impl->lp) != GLP_OPT) throw Error("GLPK: the linear relaxation has no optimal solution");
    if (!m_mip) return;
    glp_iocp io;
    glp_init_iocp(&io);
    io.msg_lev = GLP_MSG_OFF;
    if (time_limit_s > 0) io.tm_lim = static_cast<int>(time_limit_s * 1000);
    const int mrc = glp_intopt(m_impl->lp, &io);
    if (mrc != 0 && mrc != GLP_ETMLIM) throw Error("GLPK branch and cut failed (code " + std::to_string(mrc) + ")");
    m_proven = glp_mip_status(m_impl->lp) == GLP_OPT;
    if (glp_mip_status(m_impl->lp) != GLP_OPT && glp_mip_status(m_impl->lp) != GLP_FEAS)
        throw Error("GLPK: no integer solution found");
}

double LpProblem::objective() const {
    return m_mip ? glp_mip_obj_val(m_impl->lp) : glp_get_obj_val(m_impl->lp);
}

double LpProblem::value(int column) const {
    return m_mip ? glp_mip_col_val(m_impl->lp, column) : glp_get_col_prim(m_impl->lp, column);
}

} // namespace apreptis::model
