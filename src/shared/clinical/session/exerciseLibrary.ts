import type { MovementTag } from './boneRestrictions';

export type ExerciseModality = 'aerobic' | 'resistance' | 'flexibility' | 'balance' | 'breathing_relaxation';
export type ExercisePosition = 'seated' | 'standing' | 'supine' | 'side_lying' | 'prone';
export type ImpactLevel = 'none' | 'low' | 'moderate' | 'high';

export const exerciseModalities: readonly ExerciseModality[] = [
  'aerobic',
  'resistance',
  'flexibility',
  'balance',
  'breathing_relaxation',
];

export interface StarterExercise {
  /** Stable: saved programmes refer to it, so never rename a key. */
  key: string;
  name: string;
  modality: ExerciseModality;
  position: ExercisePosition;
  equipment: string[];
  impact: ImpactLevel;
  weightBearing: boolean;
  tags: MovementTag[];
  /** Can be done entirely sitting in a chair. */
  chairBased: boolean;
  description: string;
}

const SUPPORT = 'chair or rail for support';

const starterList: readonly StarterExercise[] = [
  // Aerobic
  {
    key: 'walking',
    name: 'Walking',
    modality: 'aerobic',
    position: 'standing',
    equipment: [],
    impact: 'low',
    weightBearing: true,
    tags: ['weight_bearing_aerobic'],
    chairBased: false,
    description: 'Walk at a pace where you can still talk in sentences. Start with short bouts and rest between them.',
  },
  {
    key: 'treadmill_walking',
    name: 'Treadmill walking',
    modality: 'aerobic',
    position: 'standing',
    equipment: ['treadmill'],
    impact: 'low',
    weightBearing: true,
    tags: ['weight_bearing_aerobic'],
    chairBased: false,
    description:
      'Walk on the treadmill holding the side rails if you need to. Start slow and flat; the safety clip goes on your clothing.',
  },
  {
    key: 'walk_jog_intervals',
    name: 'Walk–jog intervals',
    modality: 'aerobic',
    position: 'standing',
    equipment: [],
    impact: 'moderate',
    weightBearing: true,
    tags: ['weight_bearing_aerobic', 'impact'],
    chairBased: false,
    description:
      'Walk briskly, then jog gently for a short stretch, then walk again. Only when your exercise specialist says jogging is safe for you.',
  },
  {
    key: 'marching_in_place',
    name: 'Marching in place',
    modality: 'aerobic',
    position: 'standing',
    equipment: [SUPPORT],
    impact: 'low',
    weightBearing: true,
    tags: ['weight_bearing_aerobic', 'hip_flexion_extension'],
    chairBased: false,
    description:
      'Stand near a chair or rail and march on the spot, lifting your knees a comfortable height. Swing your arms if you can.',
  },
  {
    key: 'step_ups',
    name: 'Step-ups',
    modality: 'aerobic',
    position: 'standing',
    equipment: ['low step', 'rail'],
    impact: 'low',
    weightBearing: true,
    tags: [
      'weight_bearing_aerobic',
      'hip_flexion_extension',
      'knee_flexion_extension',
      'lower_body_resistance',
      'single_leg_balance',
    ],
    chairBased: false,
    description:
      'Holding a rail, step up onto a low step with one foot, bring the other up, then step down. Keep a steady rhythm.',
  },
  {
    key: 'elliptical',
    name: 'Elliptical trainer',
    modality: 'aerobic',
    position: 'standing',
    equipment: ['elliptical trainer'],
    impact: 'low',
    weightBearing: true,
    tags: ['weight_bearing_aerobic', 'shoulder_movements'],
    chairBased: false,
    description:
      'Glide your feet on the pedals while pushing and pulling the moving handles. Smooth and steady, no bouncing.',
  },
  {
    key: 'stationary_cycle',
    name: 'Stationary cycle',
    modality: 'aerobic',
    position: 'seated',
    equipment: ['upright exercise bike'],
    impact: 'none',
    weightBearing: false,
    tags: ['non_weight_bearing_aerobic'],
    chairBased: false,
    description:
      'Pedal at an easy, steady pace with the seat set so your knee is slightly bent at the bottom of each turn.',
  },
  {
    key: 'recumbent_cycle',
    name: 'Recumbent cycle',
    modality: 'aerobic',
    position: 'seated',
    equipment: ['recumbent exercise bike'],
    impact: 'none',
    weightBearing: false,
    tags: ['non_weight_bearing_aerobic'],
    chairBased: false,
    description: 'Sit back in the bike seat with back support and pedal at an easy, steady pace.',
  },
  {
    key: 'recumbent_stepper',
    name: 'Seated recumbent stepper',
    modality: 'aerobic',
    position: 'seated',
    equipment: ['recumbent stepper'],
    impact: 'none',
    weightBearing: false,
    tags: ['non_weight_bearing_aerobic', 'shoulder_movements'],
    chairBased: false,
    description: 'Sit in the stepper seat and push the foot pedals while moving the arm handles back and forth.',
  },
  {
    key: 'arm_ergometer',
    name: 'Arm ergometer (arm bike)',
    modality: 'aerobic',
    position: 'seated',
    equipment: ['arm ergometer'],
    impact: 'none',
    weightBearing: false,
    tags: ['non_weight_bearing_aerobic', 'shoulder_movements', 'elbow_flexion_extension'],
    chairBased: true,
    description: 'Sitting upright, turn the handles in smooth circles with your arms at an easy, steady pace.',
  },
  {
    key: 'rowing_machine',
    name: 'Rowing machine',
    modality: 'aerobic',
    position: 'seated',
    equipment: ['rowing machine'],
    impact: 'none',
    weightBearing: false,
    tags: [
      'non_weight_bearing_aerobic',
      'spinal_flexion',
      'spinal_extension',
      'hip_flexion_extension',
      'knee_flexion_extension',
      'shoulder_movements',
      'elbow_flexion_extension',
    ],
    chairBased: false,
    description:
      'Push with your legs, then pull the handle to your lower ribs; return in reverse. Light resistance, smooth strokes.',
  },
  {
    key: 'seated_marching',
    name: 'Seated marching',
    modality: 'aerobic',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: ['non_weight_bearing_aerobic', 'hip_flexion_extension'],
    chairBased: true,
    description: 'Sit tall near the front of a sturdy chair and march your feet, lifting one knee then the other.',
  },
  {
    key: 'chair_aerobics',
    name: 'Chair aerobics',
    modality: 'aerobic',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: ['non_weight_bearing_aerobic', 'shoulder_movements', 'hip_flexion_extension'],
    chairBased: true,
    description: 'Seated, combine marching feet with arm reaches forward and out to the side, to music if you like.',
  },

  // Resistance
  {
    key: 'sit_to_stand',
    name: 'Sit to stand',
    modality: 'resistance',
    position: 'standing',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: true,
    tags: ['hip_flexion_extension', 'knee_flexion_extension', 'lower_body_resistance'],
    chairBased: false,
    description:
      'From a sturdy chair, lean forward slightly and stand up, then sit down slowly. Use your hands if you need to.',
  },
  {
    key: 'squat_to_chair',
    name: 'Squat to chair',
    modality: 'resistance',
    position: 'standing',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: true,
    tags: ['hip_flexion_extension', 'knee_flexion_extension', 'lower_body_resistance'],
    chairBased: false,
    description:
      'Stand in front of a chair and bend your hips and knees as if to sit, touch the seat lightly, then stand tall again.',
  },
  {
    key: 'supported_mini_squat',
    name: 'Supported mini squat',
    modality: 'resistance',
    position: 'standing',
    equipment: [SUPPORT],
    impact: 'none',
    weightBearing: true,
    tags: ['hip_flexion_extension', 'knee_flexion_extension', 'lower_body_resistance'],
    chairBased: false,
    description:
      'Holding a rail, bend your knees a little with your back straight, then straighten. A small, comfortable range.',
  },
  {
    key: 'supported_split_squat',
    name: 'Supported split squat',
    modality: 'resistance',
    position: 'standing',
    equipment: [SUPPORT],
    impact: 'none',
    weightBearing: true,
    tags: ['hip_flexion_extension', 'knee_flexion_extension', 'lower_body_resistance', 'single_leg_balance'],
    chairBased: false,
    description:
      'Stand with one foot in front of the other, holding support. Bend both knees a little, then straighten.',
  },
  {
    key: 'standing_calf_raise',
    name: 'Standing calf raise',
    modality: 'resistance',
    position: 'standing',
    equipment: [SUPPORT],
    impact: 'none',
    weightBearing: true,
    tags: ['lower_body_resistance'],
    chairBased: false,
    description: 'Holding support, rise up onto your toes, pause, then lower your heels slowly.',
  },
  {
    key: 'seated_heel_toe_raise',
    name: 'Seated heel and toe raises',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: ['lower_body_resistance'],
    chairBased: true,
    description: 'Sitting with feet flat, lift your heels, lower them, then lift your toes and lower them.',
  },
  {
    key: 'seated_knee_extension',
    name: 'Seated knee extension (ankle weight or band)',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair', 'ankle weight or resistance band'],
    impact: 'none',
    weightBearing: false,
    tags: ['knee_flexion_extension', 'lower_body_resistance'],
    chairBased: true,
    description: 'Sitting tall, straighten one knee to lift your foot, hold for a moment, then lower slowly.',
  },
  {
    key: 'seated_hip_abduction_band',
    name: 'Seated hip abduction with band',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair', 'resistance band'],
    impact: 'none',
    weightBearing: false,
    tags: ['lower_body_resistance', 'hip_abduction'],
    chairBased: true,
    description:
      'With a loop band just above your knees, sit tall and press your knees apart, then bring them back slowly.',
  },
  {
    key: 'seated_hip_flexion_band',
    name: 'Seated knee lift with band (hip flexion)',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair', 'resistance band'],
    impact: 'none',
    weightBearing: false,
    tags: ['hip_flexion_extension', 'lower_body_resistance'],
    chairBased: true,
    description:
      'With a loop band around both thighs just above the knees, sit tall and lift one knee a few centimetres against the band, hold, then lower slowly. Change legs.',
  },
  {
    key: 'standing_hip_abduction',
    name: 'Standing hip abduction',
    modality: 'resistance',
    position: 'standing',
    equipment: [SUPPORT],
    impact: 'none',
    weightBearing: true,
    tags: ['lower_body_resistance', 'hip_abduction', 'single_leg_balance'],
    chairBased: false,
    description: 'Holding support, lift one leg out to the side with your toes facing forward, then lower it slowly.',
  },
  {
    key: 'leg_press_machine',
    name: 'Leg press (machine)',
    modality: 'resistance',
    position: 'seated',
    equipment: ['leg press machine'],
    impact: 'none',
    weightBearing: false,
    tags: ['hip_flexion_extension', 'knee_flexion_extension', 'lower_body_resistance', 'spinal_flexion'],
    chairBased: false,
    description:
      'Push the platform away until your legs are almost straight (do not lock your knees), then return slowly.',
  },
  {
    key: 'leg_extension_machine',
    name: 'Leg extension (machine)',
    modality: 'resistance',
    position: 'seated',
    equipment: ['leg extension machine'],
    impact: 'none',
    weightBearing: false,
    tags: ['knee_flexion_extension', 'lower_body_resistance'],
    chairBased: false,
    description: 'Straighten your knees to lift the pad, pause, then lower it slowly.',
  },
  {
    key: 'hamstring_curl_machine',
    name: 'Seated hamstring curl (machine)',
    modality: 'resistance',
    position: 'seated',
    equipment: ['seated leg curl machine'],
    impact: 'none',
    weightBearing: false,
    tags: ['knee_flexion_extension', 'lower_body_resistance'],
    chairBased: false,
    description: 'Bend your knees to pull the pad down and back, pause, then let it return slowly.',
  },
  {
    key: 'glute_bridge',
    name: 'Bridge',
    modality: 'resistance',
    position: 'supine',
    equipment: ['mat or plinth'],
    impact: 'none',
    weightBearing: false,
    tags: ['hip_flexion_extension', 'lower_body_resistance', 'trunk_resistance'],
    chairBased: false,
    description:
      'Lying on your back with knees bent, squeeze your buttocks and lift your hips a little, then lower slowly.',
  },
  {
    key: 'side_lying_clam',
    name: 'Side-lying clam',
    modality: 'resistance',
    position: 'side_lying',
    equipment: ['mat or plinth'],
    impact: 'none',
    weightBearing: false,
    tags: ['lower_body_resistance', 'hip_abduction'],
    chairBased: false,
    description: 'Lying on your side with knees bent and heels together, lift your top knee, then lower it slowly.',
  },
  {
    key: 'prone_hip_extension',
    name: 'Lying leg lift (face down)',
    modality: 'resistance',
    position: 'prone',
    equipment: ['mat or plinth'],
    impact: 'none',
    weightBearing: false,
    tags: ['hip_flexion_extension', 'lower_body_resistance'],
    chairBased: false,
    description: 'Lying face down, keep one leg straight and lift it a little off the surface, then lower it slowly.',
  },
  {
    key: 'seated_biceps_curl',
    name: 'Seated biceps curl (light dumbbells)',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair', 'light dumbbells'],
    impact: 'none',
    weightBearing: false,
    tags: ['elbow_flexion_extension', 'upper_body_resistance'],
    chairBased: true,
    description: 'Sitting tall with elbows by your sides, bend your elbows to lift the weights, then lower slowly.',
  },
  {
    key: 'band_biceps_curl',
    name: 'Seated biceps curl with band',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair', 'resistance band'],
    impact: 'none',
    weightBearing: false,
    tags: ['elbow_flexion_extension', 'upper_body_resistance'],
    chairBased: true,
    description: 'Sit on the middle of a band, hold the ends, and bend your elbows to pull up, then lower slowly.',
  },
  {
    key: 'band_triceps_pressdown',
    name: 'Triceps press-down with band',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair', 'resistance band', 'door anchor'],
    impact: 'none',
    weightBearing: false,
    tags: ['elbow_flexion_extension', 'upper_body_resistance'],
    chairBased: true,
    description:
      'With the band anchored above you, keep your elbows by your sides and straighten them to push down, then return.',
  },
  {
    key: 'seated_shoulder_press',
    name: 'Seated shoulder press (light dumbbells)',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair', 'light dumbbells'],
    impact: 'none',
    weightBearing: false,
    tags: ['shoulder_movements', 'elbow_flexion_extension', 'upper_body_resistance'],
    chairBased: true,
    description: 'Sitting tall, start with the weights at shoulder height and press them up, then lower slowly.',
  },
  {
    key: 'seated_lateral_raise',
    name: 'Seated side raise (light dumbbells)',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair', 'light dumbbells'],
    impact: 'none',
    weightBearing: false,
    tags: ['shoulder_movements', 'upper_body_resistance'],
    chairBased: true,
    description:
      'Sitting tall with arms by your sides, lift the weights out to the side to shoulder height, then lower slowly.',
  },
  {
    key: 'band_pull_apart',
    name: 'Band pull-apart',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair', 'resistance band'],
    impact: 'none',
    weightBearing: false,
    tags: ['shoulder_movements', 'upper_body_resistance'],
    chairBased: true,
    description:
      'Hold a band in front of you at chest height and pull your hands apart, squeezing your shoulder blades, then return.',
  },
  {
    key: 'band_seated_row',
    name: 'Seated row with band',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair', 'resistance band', 'door anchor'],
    impact: 'none',
    weightBearing: false,
    tags: ['shoulder_movements', 'elbow_flexion_extension', 'upper_body_resistance', 'spinal_extension'],
    chairBased: true,
    description:
      'With the band anchored in front, sit tall and pull your elbows back past your sides, then return slowly.',
  },
  {
    key: 'seated_row_machine',
    name: 'Seated row (machine)',
    modality: 'resistance',
    position: 'seated',
    equipment: ['seated row machine'],
    impact: 'none',
    weightBearing: false,
    tags: ['shoulder_movements', 'elbow_flexion_extension', 'upper_body_resistance', 'spinal_extension'],
    chairBased: false,
    description: 'Sitting tall with your chest on the pad, pull the handles towards you, then let them return slowly.',
  },
  {
    key: 'chest_press_machine',
    name: 'Chest press (machine)',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chest press machine'],
    impact: 'none',
    weightBearing: false,
    tags: ['shoulder_movements', 'elbow_flexion_extension', 'upper_body_resistance'],
    chairBased: false,
    description:
      'Push the handles forward until your arms are almost straight, then return slowly. Breathe out as you push.',
  },
  {
    key: 'lat_pulldown_machine',
    name: 'Lat pull-down (machine)',
    modality: 'resistance',
    position: 'seated',
    equipment: ['lat pull-down machine'],
    impact: 'none',
    weightBearing: false,
    tags: ['shoulder_movements', 'elbow_flexion_extension', 'upper_body_resistance'],
    chairBased: false,
    description: 'Sitting tall, pull the bar down in front of you to your upper chest, then let it rise slowly.',
  },
  {
    key: 'wall_push_up',
    name: 'Wall push-up',
    modality: 'resistance',
    position: 'standing',
    equipment: ['wall'],
    impact: 'none',
    weightBearing: true,
    tags: ['shoulder_movements', 'elbow_flexion_extension', 'upper_body_resistance'],
    chairBased: false,
    description:
      'Stand an arm’s length from a wall with hands on it at shoulder height. Bend your elbows to lean in, then push back.',
  },
  {
    key: 'hand_grip_squeeze',
    name: 'Hand grip squeeze',
    modality: 'resistance',
    position: 'seated',
    equipment: ['soft ball or grip putty'],
    impact: 'none',
    weightBearing: false,
    tags: ['upper_body_resistance'],
    chairBased: true,
    description: 'Squeeze a soft ball firmly for a few seconds, then relax your hand. Repeat with the other hand.',
  },
  {
    key: 'seated_abdominal_brace',
    name: 'Seated tummy tighten',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: ['trunk_resistance'],
    chairBased: true,
    description:
      'Sit tall and gently draw your belly button in, keep breathing normally for a few seconds, then relax.',
  },
  {
    key: 'seated_trunk_rotation_band',
    name: 'Seated trunk rotation with band',
    modality: 'resistance',
    position: 'seated',
    equipment: ['chair', 'resistance band', 'door anchor'],
    impact: 'none',
    weightBearing: false,
    tags: ['spinal_rotation', 'trunk_resistance'],
    chairBased: true,
    description: 'Holding a band anchored to one side, turn your upper body slowly away from the anchor, then return.',
  },
  {
    key: 'standing_pallof_press',
    name: 'Standing band press-out (anti-rotation)',
    modality: 'resistance',
    position: 'standing',
    equipment: ['resistance band', 'door anchor'],
    impact: 'none',
    weightBearing: true,
    tags: ['trunk_resistance', 'spinal_rotation', 'elbow_flexion_extension', 'upper_body_resistance'],
    chairBased: false,
    description:
      'Side-on to the anchor, hold the band at your chest and press it straight out, keeping your body from turning.',
  },
  {
    key: 'dead_bug_supine_march',
    name: 'Lying marching with tummy brace',
    modality: 'resistance',
    position: 'supine',
    equipment: ['mat or plinth'],
    impact: 'none',
    weightBearing: false,
    tags: ['trunk_resistance', 'hip_flexion_extension'],
    chairBased: false,
    description:
      'Lying on your back with knees bent, gently tighten your tummy and lift one foot a little, lower it, then the other.',
  },

  // Flexibility
  {
    key: 'seated_hamstring_stretch',
    name: 'Seated hamstring stretch',
    modality: 'flexibility',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: ['flexibility', 'hip_flexion_extension'],
    chairBased: true,
    description:
      'Sit near the front of a chair with one leg straight, heel on the floor. Lean forward from the hips with a straight back until you feel a gentle stretch.',
  },
  {
    key: 'supine_hamstring_stretch_strap',
    name: 'Lying hamstring stretch with strap',
    modality: 'flexibility',
    position: 'supine',
    equipment: ['strap or towel'],
    impact: 'none',
    weightBearing: false,
    tags: ['flexibility', 'hip_flexion_extension'],
    chairBased: false,
    description:
      'Lying on your back, loop a strap round one foot and gently raise the straight leg until you feel a stretch.',
  },
  {
    key: 'side_lying_quad_stretch',
    name: 'Side-lying thigh stretch',
    modality: 'flexibility',
    position: 'side_lying',
    equipment: ['mat or plinth'],
    impact: 'none',
    weightBearing: false,
    tags: ['flexibility', 'hip_flexion_extension', 'knee_flexion_extension'],
    chairBased: false,
    description:
      'Lying on your side, bend your top knee and hold the ankle (or a strap), easing the knee back until the front of the thigh stretches.',
  },
  {
    key: 'standing_calf_stretch',
    name: 'Standing calf stretch',
    modality: 'flexibility',
    position: 'standing',
    equipment: ['wall'],
    impact: 'none',
    weightBearing: true,
    tags: ['flexibility'],
    chairBased: false,
    description:
      'Hands on a wall, step one foot back with the heel down and lean gently forward until the calf stretches.',
  },
  {
    key: 'seated_chest_stretch',
    name: 'Seated chest stretch',
    modality: 'flexibility',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: ['flexibility', 'shoulder_movements'],
    chairBased: true,
    description:
      'Sitting tall, clasp your hands behind your lower back (or hold the chair) and gently open your chest.',
  },
  {
    key: 'shoulder_rolls',
    name: 'Shoulder rolls',
    modality: 'flexibility',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: ['flexibility', 'shoulder_movements'],
    chairBased: true,
    description: 'Sitting tall, slowly roll your shoulders up, back and down in big circles.',
  },
  {
    key: 'seated_trunk_rotation_stretch',
    name: 'Seated trunk turn stretch',
    modality: 'flexibility',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: ['flexibility', 'spinal_rotation'],
    chairBased: true,
    description:
      'Sitting tall, turn your upper body gently to one side, holding the chair back lightly, then return and turn the other way.',
  },
  {
    key: 'seated_cat_camel',
    name: 'Seated back arch and round',
    modality: 'flexibility',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: ['flexibility', 'spinal_flexion', 'spinal_extension'],
    chairBased: true,
    description:
      'Hands on your knees, gently round your back, then gently lift your chest and arch. Move slowly within comfort.',
  },
  {
    key: 'neck_turns',
    name: 'Gentle neck turns',
    modality: 'flexibility',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: ['flexibility', 'neck_movements'],
    chairBased: true,
    description: 'Sitting tall, slowly turn your head to look over one shoulder, then the other. No forcing.',
  },
  {
    key: 'ankle_circles',
    name: 'Ankle circles',
    modality: 'flexibility',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: ['flexibility'],
    chairBased: true,
    description:
      'Sitting, lift one foot slightly and draw slow circles with your toes, both directions, then change feet.',
  },

  // Balance
  {
    key: 'supported_standing_balance',
    name: 'Supported standing balance',
    modality: 'balance',
    position: 'standing',
    equipment: [SUPPORT],
    impact: 'none',
    weightBearing: true,
    tags: [],
    chairBased: false,
    description:
      'Stand with your feet close together, holding support lightly. Try to loosen your grip while staying steady.',
  },
  {
    key: 'tandem_stance',
    name: 'Tandem stance',
    modality: 'balance',
    position: 'standing',
    equipment: [SUPPORT],
    impact: 'none',
    weightBearing: true,
    tags: ['single_leg_balance'],
    chairBased: false,
    description: 'Holding support, stand with one foot directly in front of the other, heel to toe, and hold steady.',
  },
  {
    key: 'supported_single_leg_stance',
    name: 'Supported single-leg stance',
    modality: 'balance',
    position: 'standing',
    equipment: [SUPPORT],
    impact: 'none',
    weightBearing: true,
    tags: ['single_leg_balance'],
    chairBased: false,
    description: 'Holding support, lift one foot just off the floor and hold steady, then change legs.',
  },
  {
    key: 'heel_toe_walk',
    name: 'Heel-to-toe walk',
    modality: 'balance',
    position: 'standing',
    equipment: ['rail or wall'],
    impact: 'none',
    weightBearing: true,
    tags: ['single_leg_balance'],
    chairBased: false,
    description:
      'Beside a rail or wall, walk slowly placing the heel of one foot just in front of the toes of the other.',
  },
  {
    key: 'tai_chi_weight_shift',
    name: 'Tai chi: weight shifting',
    modality: 'balance',
    position: 'standing',
    equipment: [],
    impact: 'none',
    weightBearing: true,
    tags: ['single_leg_balance'],
    chairBased: false,
    description:
      'Feet apart and knees soft, slowly shift your weight from one foot to the other, keeping your body upright.',
  },
  {
    key: 'tai_chi_cloud_hands',
    name: 'Tai chi: cloud hands',
    modality: 'balance',
    position: 'standing',
    equipment: [],
    impact: 'none',
    weightBearing: true,
    tags: ['shoulder_movements', 'spinal_rotation', 'single_leg_balance'],
    chairBased: false,
    description:
      'Slowly sweep your hands across in front of you, one above the other, turning your waist and shifting your weight with them.',
  },
  {
    key: 'seated_reach',
    name: 'Seated reaching',
    modality: 'balance',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: ['shoulder_movements', 'spinal_flexion', 'spinal_rotation'],
    chairBased: true,
    description:
      'Sitting without leaning back, reach forward and to each side as far as is comfortable, then return to sitting tall.',
  },

  // Breathing and relaxation
  {
    key: 'diaphragmatic_breathing',
    name: 'Tummy (diaphragmatic) breathing',
    modality: 'breathing_relaxation',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: [],
    chairBased: true,
    description:
      'One hand on your chest and one on your tummy, breathe in through your nose so your tummy rises, then breathe out slowly.',
  },
  {
    key: 'pursed_lip_breathing',
    name: 'Pursed-lip breathing',
    modality: 'breathing_relaxation',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: [],
    chairBased: true,
    description:
      'Breathe in through your nose, then breathe out gently through pursed lips, as if blowing on soup, taking twice as long.',
  },
  {
    key: 'paced_breathing',
    name: 'Paced breathing',
    modality: 'breathing_relaxation',
    position: 'seated',
    equipment: ['chair'],
    impact: 'none',
    weightBearing: false,
    tags: [],
    chairBased: true,
    description: 'Breathe in for a slow count of four and out for a count of six, for a few minutes.',
  },
  {
    key: 'progressive_muscle_relaxation',
    name: 'Progressive muscle relaxation',
    modality: 'breathing_relaxation',
    position: 'supine',
    equipment: ['mat or plinth'],
    impact: 'none',
    weightBearing: false,
    tags: [],
    chairBased: false,
    description:
      'Lying comfortably, gently tense one muscle group for a few seconds, then let it go, working from feet to face.',
  },
  {
    key: 'body_scan_relaxation',
    name: 'Body scan relaxation',
    modality: 'breathing_relaxation',
    position: 'supine',
    equipment: ['mat or plinth'],
    impact: 'none',
    weightBearing: false,
    tags: [],
    chairBased: false,
    description:
      'Lying comfortably with eyes closed, move your attention slowly through your body, noticing and softening any tension.',
  },
  {
    key: 'side_lying_relaxation',
    name: 'Side-lying relaxation',
    modality: 'breathing_relaxation',
    position: 'side_lying',
    equipment: ['mat or plinth', 'pillows'],
    impact: 'none',
    weightBearing: false,
    tags: [],
    chairBased: false,
    description:
      'Lie on your side with a pillow under your head and between your knees, and breathe slowly and easily.',
  },
];

/**
 * Starter exercises whose tags were corrected in the tag review against the site scheme, with the
 * tags they were first seeded with: a library still holding exactly those is brought up to date
 * (a clinic's own edit is left alone).
 */
export const starterTagCorrections: Record<string, readonly MovementTag[]> = {
  seated_marching: ['non_weight_bearing_aerobic'],
  marching_in_place: ['weight_bearing_aerobic', 'standing_lower_limb_load'],
  chair_aerobics: ['non_weight_bearing_aerobic', 'shoulder_movements'],
};

export interface StarterTagReview {
  /** The reason on each corrected exercise's audit entry. */
  reason: string;
  /** Each corrected starter exercise's tags as stored before this review (derived tags included). */
  before: Readonly<Record<string, readonly MovementTag[]>>;
}

/**
 * Every review of the starter tags, oldest first. A seeded exercise still holding exactly a
 * review's "before" tags is brought up to date; a clinic's own edit is left alone.
 */
export const starterTagReviews: readonly StarterTagReview[] = [
  { reason: 'Starter library tag review: knee lifts are hip flexion', before: starterTagCorrections },
  {
    reason:
      'Starter library tag review (issue 20): resisted hip abduction and clams are tagged for the trochanteric pull; seated reaching, the band press-out, seated rows and the leg press for the spinal movement they involve; neck turns are neck movements, not trunk rotation; calf raises on both legs and feet-together stance are not single-leg work',
    before: {
      standing_calf_raise: ['lower_body_resistance', 'single_leg_balance', 'standing_lower_limb_load'],
      supported_standing_balance: ['single_leg_balance', 'standing_lower_limb_load'],
      seated_hip_abduction_band: ['lower_body_resistance'],
      side_lying_clam: ['lower_body_resistance'],
      standing_hip_abduction: ['lower_body_resistance', 'single_leg_balance', 'standing_lower_limb_load'],
      seated_reach: ['shoulder_movements', 'spinal_flexion'],
      standing_pallof_press: [
        'trunk_resistance',
        'elbow_flexion_extension',
        'upper_body_resistance',
        'standing_lower_limb_load',
      ],
      band_seated_row: ['shoulder_movements', 'elbow_flexion_extension', 'upper_body_resistance'],
      seated_row_machine: ['shoulder_movements', 'elbow_flexion_extension', 'upper_body_resistance'],
      leg_press_machine: ['hip_flexion_extension', 'knee_flexion_extension', 'lower_body_resistance'],
      neck_turns: ['flexibility', 'spinal_rotation'],
    },
  },
];

/** Other words clinicians and patients use for a starter exercise, so search finds it by any of them. */
export const exerciseSynonyms: Record<string, readonly string[]> = {
  stationary_cycle: ['bike', 'exercise bike', 'cycling', 'cycle ergometer'],
  recumbent_cycle: ['bike', 'recumbent bike', 'cycling'],
  arm_ergometer: ['arm crank', 'upper body ergometer', 'UBE'],
  recumbent_stepper: ['NuStep', 'stepper'],
  treadmill_walking: ['treadmill'],
  elliptical: ['cross trainer', 'cross-trainer'],
  rowing_machine: ['rower', 'erg', 'rowing'],
  sit_to_stand: ['chair stand', 'STS', 'chair rise'],
  squat_to_chair: ['chair squat'],
  glute_bridge: ['hip bridge', 'glute bridge'],
  prone_hip_extension: ['hip extension'],
  seated_hip_flexion_band: ['hip flexion', 'knee lift', 'marching with band'],
  seated_marching: ['hip flexion', 'knee lift'],
  wall_push_up: ['press-up', 'push up'],
  seated_abdominal_brace: ['core', 'abdominal', 'abs'],
  hand_grip_squeeze: ['grip', 'hand strength'],
  diaphragmatic_breathing: ['belly breathing'],
};

/** Whether a library exercise answers a search: its name, its description or a synonym, case-insensitively. */
export function exerciseMatches(
  exercise: { name: string; description: string; starterKey: string | null },
  query: string,
): boolean {
  const words = query.toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [exercise.name, exercise.description, ...(exerciseSynonyms[exercise.starterKey ?? ''] ?? [])]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function findStarterExercise(key: string): StarterExercise | undefined {
  return starterExercises.find((exercise) => exercise.key === key);
}

/**
 * Tags that follow from an exercise's other facts, added on every save: any standing
 * weight-bearing exercise loads the legs standing (a partial or non-weight-bearing lesion blocks it).
 */
export function withDerivedTags<T extends { position: string; weightBearing: boolean; tags: readonly MovementTag[] }>(
  exercise: T,
): T & { tags: MovementTag[] } {
  const tags = [...exercise.tags];
  if (exercise.position === 'standing' && exercise.weightBearing && !tags.includes('standing_lower_limb_load')) {
    tags.push('standing_lower_limb_load');
  }
  return { ...exercise, tags };
}

export const starterExercises: readonly StarterExercise[] = starterList.map(withDerivedTags);
