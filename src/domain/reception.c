/* reception.c — the slots of a personal reception: whole slots of slot_minutes from the start. */
#include "reception.h"

size_t reception_slot_count(time_t starts_at, time_t ends_at, int slot_minutes)
{
	if (slot_minutes <= 0 || ends_at <= starts_at)
		return 0;
	return (size_t)((ends_at - starts_at) / ((time_t)slot_minutes * 60));
}

time_t reception_slot_at(time_t starts_at, int slot_minutes, size_t index)
{
	return starts_at + (time_t)index * slot_minutes * 60;
}

bool reception_slot_valid(time_t starts_at, time_t ends_at, int slot_minutes, time_t slot_at)
{
	if (slot_minutes <= 0 || slot_at < starts_at)
		return false;
	time_t step = (time_t)slot_minutes * 60;
	if ((slot_at - starts_at) % step != 0)
		return false;
	return (size_t)((slot_at - starts_at) / step) < reception_slot_count(starts_at, ends_at,
									      slot_minutes);
}
