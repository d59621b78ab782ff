#pragma once
// Alerts counted inside a community grid (community/grids/grid_places.hpp, ADR 0034): an alert whose payload
// carries longitude and latitude (a checkpoint hit: the checkpoint's place) is placed by them; alerts sent to the
// grid's unit without coordinates cannot be placed and are counted as such. Register once at start (idempotent).
namespace jw::alerts {
void RegisterAlertGridPlaces();
}
