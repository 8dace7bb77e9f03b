"""A force's staff as CSV for the batch benchmarks: names with accents, hyphens and
apostrophes, the usual mix of ranks. Seeded, so every run issues the same cards.
Usage: python3 benches/staff_csv.py ROWS > staff.csv"""
import random, sys
random.seed(1)
first = ["Jane", "Mohammed", "Siân", "Oluwaseun", "Aleksandra", "Tom", "Priya", "Cathal", "Zoë", "Wei"]
last = ["Smith", "Khan", "Ap Rhys", "Adeyemi", "Kowalczyk", "Baker", "Patel", "O'Brien", "Fernández-López", "Zhang"]
ranks = ["Police Constable"] * 6 + ["Sergeant", "Inspector", "Detective Constable", "Fingerprint Examiner"]
roles = {"Fingerprint Examiner": "police-staff"}
print("name,rank,number,role")
for i in range(int(sys.argv[1])):
    rank = random.choice(ranks)
    print(f"{random.choice(first)} {random.choice(last)},{rank},{100000 + i},{roles.get(rank, 'police-officer')}")
