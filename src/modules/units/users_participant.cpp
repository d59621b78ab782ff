#include "units/users_participant.hpp"

#include "auth/unit_moves.hpp"

namespace jw::units {
namespace {

class UsersParticipant : public Participant {
  public:
    std::string module() const override { return "auth"; }

    Result<std::vector<Candidate>> Candidates(storage::Connection& c, const MoveContext& ctx) override {
        std::vector<int64_t> users;
        for (const auto& [user, unit] : ctx.user_units) users.push_back(user);
        JW_ASSIGN_OR_RETURN(auto current, auth::repo::UnitsOfUsers(c, users));
        std::vector<Candidate> out;
        for (const auto& [user, unit] : current)
            out.push_back({"users", std::to_string(user), unit, user, ctx.user_units.at(user)});
        return out;
    }

    Result<std::vector<MoveCount>> Kept(storage::Connection&, const MoveContext&) override {
        return std::vector<MoveCount>{};
    }

    Result<std::string> Move(storage::Connection& c, const std::string& what, const std::string& row, int64_t from,
                             int64_t to) override {
        JW_RETURN_IF_ERROR(auth::repo::MoveUser(c, std::stoll(row), from, to).status());
        return what;
    }
};

}  // namespace

std::unique_ptr<Participant> MakeUsersParticipant() { return std::make_unique<UsersParticipant>(); }

}  // namespace jw::units
