# Counts every unit as active: forgets that dropout removes a fraction p of them during training.
# expect-lose: q4_active_units_tests
# %% numeric_answers
q3_grad_w5 = 0.1
q3_grad_w01 = 0.002
q4_active_units = 128
